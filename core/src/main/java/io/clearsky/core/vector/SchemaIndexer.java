package io.clearsky.core.vector;

import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.embedding.Embeddings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a database's schema documents into an index, embedding only those whose text the index does
 * not hold yet, so indexing again is cheap and changes nothing when the catalog is unchanged.
 */
public final class SchemaIndexer {

    private final Embeddings embeddings;

    private final VectorIndex index;

    public SchemaIndexer(Embeddings embeddings, VectorIndex index) {
        this.embeddings = embeddings;
        this.index = index;
    }

    /** @return the documents written: new, or changed since the last indexing */
    public int index(List<TableInfo> tables) {
        if (tables.isEmpty()) {
            return 0;
        }
        Set<String> known = this.index.contentHashes(tables.getFirst().database());
        List<SchemaDocument> fresh = tables.stream().flatMap((table) -> SchemaDocuments.of(table).stream())
                .filter((document) -> !known.contains(document.contentHash())).toList();
        List<float[]> vectors = this.embeddings.embedAll(fresh.stream().map(SchemaDocument::text).toList());
        List<VectorIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            entries.add(new VectorIndex.Entry(fresh.get(i), vectors.get(i)));
        }
        this.index.upsert(entries);
        return entries.size();
    }
}
