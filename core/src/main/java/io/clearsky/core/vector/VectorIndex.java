package io.clearsky.core.vector;

import java.util.List;
import java.util.Set;

/**
 * Schema documents with their embeddings, searched by cosine similarity.
 */
public interface VectorIndex {

    /**
     * A document with its vector.
     *
     * @param document the document
     * @param vector its unit-length embedding
     */
    record Entry(SchemaDocument document, float[] vector) {
    }

    /**
     * A document found for a query.
     *
     * @param document the document
     * @param similarity cosine similarity, -1 to 1
     */
    record Match(SchemaDocument document, double similarity) {
    }

    /** Length of the vectors the index holds. */
    int dimension();

    /** Content hashes of the documents of one database already indexed, to skip unchanged ones. */
    Set<String> contentHashes(String database);

    /** Adds documents, replacing those with the same id. */
    void upsert(List<Entry> entries);

    /** The {@code topK} documents of {@code database} most similar to {@code query}, most similar first. */
    List<Match> search(String database, float[] query, int topK);
}
