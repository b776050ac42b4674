package io.clearsky.worker.generation.prompt;

import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the verified question/SQL pairs most like a question, as DAIL-SQL selects its examples: literal
 * values are masked in the question and in every candidate ({@code 'EMEA'}, {@code 2024}, a word the
 * catalog lists as a column value), so that "revenue in EMEA in 2024" is like "revenue in APAC in 2023";
 * candidates are ranked by word overlap (Jaccard over the masked words, stop words left out). Word overlap
 * rather than embeddings keeps the choice cheap, deterministic and free of a model in the prompt path.
 */
public final class VerifiedExamples {

    /** What stands for a masked value. */
    static final String MASK = "<value>";

    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'|\"[^\"]*\"");

    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:[.,:/-]\\d+)*\\b");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_<>]+");

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "in", "on", "for", "by", "to", "and",
            "or", "is", "are", "was", "were", "be", "what", "which", "who", "how", "do", "does", "did", "with", "per",
            "each", "from", "at", "as", "me", "show", "list", "give", "tell", "all", "there", "that", "this", "it",
            "our", "we", "i", "my");

    private VerifiedExamples() {
    }

    /**
     * Up to {@code k} candidates sharing at least one masked word with the question, most similar first.
     *
     * @param values words that are data values here (sampled column values), masked like literals
     */
    public static List<VerifiedQuery> mostSimilar(String question, List<VerifiedQuery> candidates, Set<String> values,
            int k) {
        Set<String> asked = words(mask(question, values));
        record Scored(VerifiedQuery query, double score, int order) {
        }
        List<Scored> scored = new java.util.ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            double score = jaccard(asked, words(mask(candidates.get(i).question(), values)));
            if (score > 0) {
                scored.add(new Scored(candidates.get(i), score, i));
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(Scored::order)).limit(k).map(Scored::query).toList();
    }

    /** The text with quoted strings, numbers and known data values replaced by {@value #MASK}. */
    static String mask(String text, Set<String> values) {
        String masked = QUOTED.matcher(text).replaceAll(MASK);
        masked = NUMBER.matcher(masked).replaceAll(MASK);
        if (values.isEmpty()) {
            return masked;
        }
        Set<String> lower = new HashSet<>();
        values.forEach((value) -> lower.add(value.toLowerCase(Locale.ROOT)));
        StringBuilder out = new StringBuilder();
        var words = WORD.matcher(masked);
        int last = 0;
        while (words.find()) {
            out.append(masked, last, words.start());
            String word = words.group();
            out.append(lower.contains(word.toLowerCase(Locale.ROOT)) ? MASK : word);
            last = words.end();
        }
        return out.append(masked.substring(last)).toString();
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            if (!STOP_WORDS.contains(word)) {
                words.add(stem(word));
            }
        }
        return words;
    }

    /** A plural's singular, roughly: "orders" and "order" are one word here. */
    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        // The mask alone makes no two questions alike.
        common.remove(MASK);
        if (common.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) common.size() / union.size();
    }
}
