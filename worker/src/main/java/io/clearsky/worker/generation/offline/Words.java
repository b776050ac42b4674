package io.clearsky.worker.generation.offline;

import io.clearsky.core.semantic.ModelDerivation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The normalizer: a question or a model's phrase as lower-case words, each with its lemma (the singular,
 * "priced" as "price"), so "customers", "customer" and "customer's" read alike.
 */
final class Words {

    static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twenty", 20));

    /** Lemmas that are not plurals although they end in s. */
    private static final Set<String> NOT_PLURAL = Set.of("sales", "status", "this", "was", "has", "is", "does", "less",
            "its", "us", "news", "series", "across", "address", "business", "gross", "canvas", "class");

    private Words() {
    }

    /** The words of {@code text}: letters and digits, "&" kept as a word, everything else a separator. */
    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).replace("&", " & ").split("[^\\p{L}\\p{N}&]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The word's lemma: its singular, and a past participle without its ending ("priced" is "price"). */
    static String lemma(String word) {
        if (NOT_PLURAL.contains(word) || word.length() <= 3 || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        return ModelDerivation.singular(word);
    }

    /** The other lemma a word may have: "priced" → "price", "ordered" → "order". */
    static String verbLemma(String word) {
        if (word.endsWith("ied") && word.length() > 5) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ed") && word.length() > 4) {
            String stem = word.substring(0, word.length() - 2);
            return stem.endsWith("c") || stem.endsWith("s") || stem.endsWith("v") || stem.endsWith("z") ? stem + "e" : stem;
        }
        return word;
    }

    /** The number a word says, or null. */
    static Integer number(String word) {
        if (word.matches("\\d{1,9}")) {
            return Integer.valueOf(word);
        }
        return NUMBERS.get(word);
    }

    /** The lemmas of a phrase, joined by spaces. */
    static String key(List<String> words) {
        return String.join(" ", words.stream().map(Words::lemma).toList());
    }
}
