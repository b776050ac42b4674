package io.clearsky.worker.retrieval;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.SchemaSearch;

/**
 * Ranks catalog tables by the words a question shares with their names, comments and columns
 * ({@link SchemaSearch}). Needs no model, so it serves where no embedding index exists.
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
        return new SchemaContext(database, SchemaSearch.rankTables(this.catalog.tables(database), question, this.topK));
    }
}
