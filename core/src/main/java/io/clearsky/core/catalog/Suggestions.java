package io.clearsky.core.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for misspelt names: the closest known names by edit distance, close enough to be a
 * plausible typo or a near-synonym in form (plural, underscore, prefix).
 */
public final class Suggestions {

    private static final int MAX = 3;

    private Suggestions() {
    }

    /** Up to three known names closest to {@code name}, closest first. */
    public static List<String> closest(String name, Collection<String> known) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, wanted.length() / 3);
        return known.stream()
                .distinct()
                .map((candidate) -> new Scored(candidate, score(wanted, candidate.toLowerCase(Locale.ROOT))))
                .filter((scored) -> scored.distance() <= tolerance)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX)
                .map(Scored::name)
                .toList();
    }

    /** " Did you mean a, b?" or nothing. */
    public static String didYouMean(String name, Collection<String> known) {
        List<String> closest = closest(name, known);
        return closest.isEmpty() ? "" : " Did you mean " + String.join(", ", closest) + "?";
    }

    private static int score(String wanted, String candidate) {
        if (Math.min(wanted.length(), candidate.length()) >= 4 && (candidate.contains(wanted) || wanted.contains(candidate))) {
            return Math.min(1, Math.abs(candidate.length() - wanted.length()));
        }
        return levenshtein(wanted, candidate);
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String name, int distance) {
    }
}
