package io.clearsky.worker.generation.offline;

import java.util.Map;
import java.util.Set;

/**
 * The words a question may use that name no model object: question words, articles, prepositions, common
 * verbs, and the words that mark a role (grouping, counting, ordering, comparing, negating). Every other
 * word must name something in the model, or the question is declined.
 */
final class FunctionWords {

    /** Words that say the next phrase is a group ("revenue by region"). */
    static final Set<String> GROUP = Set.of("by", "per", "each", "every", "across", "for each", "in each", "of each",
            "broken down by", "split by", "grouped by", "for every", "for all");

    /** Words that say the next entity is counted. */
    static final Set<String> COUNT = Set.of("how many", "number of", "count of", "count", "total number of", "amount of");

    /** Superlatives and rankings, largest first. */
    static final Set<String> DESCENDING = Set.of("most", "highest", "largest", "biggest", "greatest", "top", "best",
            "maximum", "max", "best selling", "the most");

    /** Ranking words that rank the phrase after them rather than count it ("top 5 products"). */
    static final Set<String> RANKS = Set.of("top", "bottom", "best", "worst");

    /** Superlatives and rankings, smallest first. */
    static final Set<String> ASCENDING = Set.of("least", "lowest", "fewest", "smallest", "bottom", "worst", "minimum",
            "min");

    /** Adjectives that rank by a numeric attribute named by one of the words given, and in which direction. */
    static final Map<String, Adjective> ADJECTIVES = Map.of("most expensive", new Adjective(true, "price", "cost"),
            "priciest", new Adjective(true, "price", "cost"), "least expensive", new Adjective(false, "price", "cost"),
            "cheapest", new Adjective(false, "price", "cost"), "oldest", new Adjective(true, "age"),
            "youngest", new Adjective(false, "age"), "heaviest", new Adjective(true, "weight"),
            "lightest", new Adjective(false, "weight"));

    /** Comparisons with a number, as SQL operators. */
    static final Map<String, String> COMPARISONS = Map.ofEntries(Map.entry("more than", ">"), Map.entry("over", ">"),
            Map.entry("above", ">"), Map.entry("greater than", ">"), Map.entry("higher than", ">"),
            Map.entry("exceeding", ">"), Map.entry("at least", ">="), Map.entry("less than", "<"),
            Map.entry("fewer than", "<"), Map.entry("below", "<"), Map.entry("under", "<"), Map.entry("lower than", "<"),
            Map.entry("at most", "<="));

    /** Words that say the next entity has no rows ("customers with no orders"). */
    static final Set<String> NEGATION = Set.of("no", "without", "never", "not any", "without any", "zero");

    /** Words that say a single row or value is asked for. */
    static final Set<String> WHICH = Set.of("which", "what");

    private static final Set<String> FILLERS = Set.of("what", "which", "who", "whose", "is", "are", "was", "were", "be",
            "been", "the", "a", "an", "of", "in", "on", "at", "for", "to", "from", "with", "and", "me", "show", "list",
            "give", "tell", "find", "get", "return", "got", "there", "do", "does", "did", "we", "our", "us", "have", "has", "had",
            "s", "all", "total", "please", "sold", "placed", "made", "generated", "brought", "that", "any", "its",
            "their", "it", "overall", "so", "far", "how", "much", "many", "this", "these", "those", "each", "i", "you",
            "can", "see", "up", "into", "come", "came", "recorded", "registered", "exist", "existing", "currently",
            "contain", "contains", "containing", "belong", "belonging", "falling", "fall", "down", "broken", "split",
            "grouped", "value", "during", "place", "placing", "buy", "bought", "purchased", "by", "per", "as", "than", "compared", "respectively", "out", "altogether", "whole");

    private FunctionWords() {
    }

    /** Whether the lemma (or lemmas of a phrase) names nothing but plays a role or none. */
    static boolean isFunctionWord(String lemmas) {
        return FILLERS.contains(lemmas) || GROUP.contains(lemmas) || COUNT.contains(lemmas) || DESCENDING.contains(lemmas)
                || ASCENDING.contains(lemmas) || COMPARISONS.containsKey(lemmas) || NEGATION.contains(lemmas);
    }

    static boolean isFiller(String word) {
        return FILLERS.contains(word);
    }

    /**
     * A ranking adjective.
     *
     * @param descending whether the largest values come first
     * @param attributes words one of which names the attribute ranked by, in order of preference
     */
    record Adjective(boolean descending, String... attributes) {
    }
}
