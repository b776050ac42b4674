package io.clearsky.core.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Ranks tables and columns by the words a text shares with their names and comments. A table named in
 * the text outranks one merely described by it. Needs no model, so it serves wherever no embedding
 * index exists: the worker's retrieval and the schema search endpoint.
 */
public final class SchemaSearch {

    /**
     * One ranked table or column.
     *
     * @param table the table
     * @param column the column, or null when the table itself matched
     * @param score higher is better; only comparable within one search
     * @param matched the words of the text that matched, in their normalized form
     */
    public record Hit(String table, String column, double score, List<String> matched) {
    }

    private SchemaSearch() {
    }

    /** The {@code topK} tables most related to {@code text}, best first; ties by name. */
    public static List<TableInfo> rankTables(List<TableInfo> tables, String text, int topK) {
        Set<String> words = words(text);
        return tables.stream()
                .sorted(Comparator.comparingDouble((TableInfo table) -> -tableScore(table, words))
                        .thenComparing(TableInfo::name))
                .limit(topK)
                .toList();
    }

    /** Every table's lexical score for {@code text}, by table name; 0 when nothing matches. */
    public static Map<String, Double> tableScores(List<TableInfo> tables, String text) {
        Set<String> words = words(text);
        Map<String, Double> scores = new HashMap<>();
        tables.forEach((table) -> scores.put(table.name(), tableScore(table, words)));
        return scores;
    }

    /** Tables and columns that share words with {@code text}, best first, at most {@code topK}. */
    public static List<Hit> search(List<TableInfo> tables, String text, int topK) {
        Set<String> words = words(text);
        List<Hit> hits = new ArrayList<>();
        for (TableInfo table : tables) {
            double score = tableScore(table, words);
            if (score > 0) {
                hits.add(new Hit(table.name(), null, score, matched(words, table.name().replace('_', ' ') + " "
                        + ((table.comment() != null) ? table.comment() : ""))));
            }
            for (ColumnInfo column : table.columns()) {
                Set<String> columnWords = words(column.name().replace('_', ' ') + " "
                        + ((column.comment() != null) ? column.comment() : ""));
                long overlap = columnWords.stream().filter(words::contains).count();
                if (overlap > 0) {
                    hits.add(new Hit(table.name(), column.name(), overlap + 0.1 * score,
                            matched(words, column.name().replace('_', ' ') + " "
                                    + ((column.comment() != null) ? column.comment() : ""))));
                }
            }
        }
        return hits.stream()
                .sorted(Comparator.comparingDouble((Hit hit) -> -hit.score()).thenComparing(Hit::table)
                        .thenComparing((Hit hit) -> (hit.column() != null) ? hit.column() : ""))
                .limit(topK)
                .toList();
    }

    private static double tableScore(TableInfo table, Set<String> words) {
        double score = 0;
        for (String part : table.name().toLowerCase(Locale.ROOT).split("_")) {
            if (words.contains(part) || words.contains(singular(part))) {
                score += 10;
            }
        }
        score += overlap(words(table.comment()), words);
        for (ColumnInfo column : table.columns()) {
            score += 0.5 * overlap(words(column.name().replace('_', ' ')), words);
        }
        return score;
    }

    private static List<String> matched(Set<String> words, String candidate) {
        Set<String> shared = new TreeSet<>(words(candidate));
        shared.retainAll(words);
        return List.copyOf(shared);
    }

    private static long overlap(Set<String> candidate, Set<String> words) {
        return candidate.stream().filter(words::contains).count();
    }

    /** Lower-cased words, each also in its singular form, so "orders" meets "order". */
    static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter((word) -> word.length() > 2)
                .flatMap((word) -> Stream.of(word, singular(word)))
                .collect(Collectors.toSet());
    }

    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
