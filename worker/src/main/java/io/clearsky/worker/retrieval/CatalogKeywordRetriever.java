package io.clearsky.worker.retrieval;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks catalog tables by the words a question shares with their names, comments and columns. A table
 * named in the question outranks one merely described by it. Needs no model, so it serves where no
 * embedding index exists.
 */
public final class CatalogKeywordRetriever implements SchemaRetriever {

    private final Catalog catalog;

    private final int topK;

    public CatalogKeywordRetriever(Catalog catalog, int topK) {
        this.catalog = catalog;
        this.topK = topK;
    }

    @Override
    public SchemaContext retrieve(String question, String database) {
        Set<String> words = words(question);
        List<TableInfo> ranked = this.catalog.tables(database).stream()
                .sorted(Comparator.comparingDouble((TableInfo table) -> -score(table, words))
                        .thenComparing(TableInfo::name))
                .limit(this.topK)
                .toList();
        return new SchemaContext(database, ranked);
    }

    private static double score(TableInfo table, Set<String> words) {
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
                .flatMap((word) -> java.util.stream.Stream.of(word, singular(word)))
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
