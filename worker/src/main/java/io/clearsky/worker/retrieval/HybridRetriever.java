package io.clearsky.worker.retrieval;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.SchemaSearch;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.embedding.Embeddings;
import io.clearsky.core.policy.DataAccess;
import io.clearsky.core.vector.SchemaIndexer;
import io.clearsky.core.vector.VectorIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Ranks tables by the question's embedding similarity to their documents combined with the words it
 * shares with their names and comments, then adds the join partners of the best tables (tables that
 * share a key column such as {@code customer_id}) so that the generator sees both sides of a join. The
 * catalog's documents are embedded into the index on first use and again only when their text changes.
 * Under a data access policy only the tables and columns the principal may read are ranked and handed on.
 */
public final class HybridRetriever implements SchemaRetriever {

    /** How much a full lexical match adds to a cosine similarity (0–1). */
    static final double LEXICAL_WEIGHT = 1.0;

    private final Catalog catalog;

    private final Embeddings embeddings;

    private final VectorIndex index;

    private final SchemaIndexer indexer;

    private final int topK;

    private final int tokenBudget;

    /** The table list each database was last indexed from: catalogs hand out the same list until they refresh. */
    private final Map<String, List<TableInfo>> indexedFrom = new ConcurrentHashMap<>();

    /**
     * @param topK most tables handed on
     * @param tokenBudget most tokens (estimated at four characters each) the tables' descriptions may take in
     * a prompt; tables that do not fit are left out, the best one never
     */
    public HybridRetriever(Catalog catalog, Embeddings embeddings, VectorIndex index, int topK, int tokenBudget) {
        this.catalog = catalog;
        this.embeddings = embeddings;
        this.index = index;
        this.indexer = new SchemaIndexer(embeddings, index);
        this.topK = topK;
        this.tokenBudget = tokenBudget;
    }

    @Override
    public SchemaContext retrieve(String question, String database) {
        return retrieve(question, database, DataAccess.unrestricted());
    }

    @Override
    public SchemaContext retrieve(String question, String database, DataAccess access) {
        List<TableInfo> all = this.catalog.tables(database);
        ensureIndexed(database, all);
        List<TableInfo> tables = access.filter(all);
        Map<String, Double> scores = new HashMap<>();
        for (VectorIndex.Match match : this.index.search(database, this.embeddings.embed(question), 4 * this.topK)) {
            scores.merge(match.document().table(), match.similarity(), Math::max);
        }
        Map<String, Double> lexical = SchemaSearch.tableScores(tables, question);
        double best = lexical.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (best > 0) {
            lexical.forEach((table, score) -> scores.merge(table, LEXICAL_WEIGHT * score / best, Double::sum));
        }
        List<TableInfo> ranked = tables.stream()
                .sorted(Comparator.comparingDouble((TableInfo table) -> -scores.getOrDefault(table.name(), 0.0))
                        .thenComparing(TableInfo::name))
                .toList();
        return new SchemaContext(database, withinBudget(withJoinPartners(ranked)));
    }

    private List<TableInfo> withinBudget(List<TableInfo> tables) {
        List<TableInfo> kept = new ArrayList<>();
        int tokens = 0;
        for (TableInfo table : tables) {
            int cost = estimatedTokens(table);
            // A table that does not fit is skipped; a smaller, lower-ranked one may still fit.
            if (kept.isEmpty() || tokens + cost <= this.tokenBudget) {
                kept.add(table);
                tokens += cost;
            }
        }
        return kept;
    }

    /** About four characters per token, as the prompt lists a table: name, comment, one line per column. */
    static int estimatedTokens(TableInfo table) {
        int characters = table.name().length() + ((table.comment() != null) ? table.comment().length() : 0) + 10;
        for (ColumnInfo column : table.columns()) {
            characters += column.name().length() + column.type().length()
                    + ((column.comment() != null) ? column.comment().length() : 0) + 8;
        }
        return characters / 4;
    }

    /**
     * The best tables, with the join partners of the top ones (up to three, at most half the budget)
     * moved up right behind them; one place is always left for the next best table.
     */
    private List<TableInfo> withJoinPartners(List<TableInfo> ranked) {
        int anchors = Math.min(ranked.size(), Math.max(1, Math.min(3, this.topK / 2)));
        Set<TableInfo> chosen = new LinkedHashSet<>(ranked.subList(0, anchors));
        for (TableInfo anchor : ranked.subList(0, anchors)) {
            Set<String> keys = keys(anchor);
            for (TableInfo candidate : ranked.subList(anchors, Math.min(ranked.size(), 3 * this.topK))) {
                if (chosen.size() >= this.topK - 1) {
                    break;
                }
                if (!chosen.contains(candidate) && keys.stream().anyMatch(keys(candidate)::contains)) {
                    chosen.add(candidate);
                }
            }
        }
        for (TableInfo table : ranked) {
            if (chosen.size() >= this.topK) {
                break;
            }
            chosen.add(table);
        }
        return new ArrayList<>(chosen);
    }

    /** Column names that look like keys: {@code id}-suffixed names, which is how joins show up in names. */
    private static Set<String> keys(TableInfo table) {
        return table.columns().stream().map(ColumnInfo::name).map((name) -> name.toLowerCase(Locale.ROOT))
                .filter((name) -> name.endsWith("_id") || name.endsWith("id") && name.length() > 2 && !name.equals("id"))
                .collect(Collectors.toSet());
    }

    private void ensureIndexed(String database, List<TableInfo> tables) {
        if (this.indexedFrom.get(database) == tables) {
            return;
        }
        synchronized (this) {
            if (this.indexedFrom.get(database) != tables) {
                this.indexer.index(tables);
                this.indexedFrom.put(database, tables);
            }
        }
    }
}
