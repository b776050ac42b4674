package io.clearsky.core.config;

/**
 * {@code vector_store_config.json}: where schema knowledge is retrieved from. {@code pgvector} reads an
 * existing PostgreSQL store; {@code memory} (a ClearSky addition) keeps an in-process index built from
 * the catalog.
 *
 * @param type {@code pgvector} or {@code memory}
 * @param connectionString SQLAlchemy form, {@code postgresql+psycopg://user:password@host:5432/db};
 * never printed (see {@link #toString()})
 * @param table the store's table
 * @param embeddingDimension the length of the stored vectors
 * @param topK documents retrieved per question, 1–100
 * @param similarityThreshold least cosine similarity a document needs, 0–1
 */
public record VectorStoreConfig(String type, String connectionString, String table, Integer embeddingDimension,
        Integer topK, Double similarityThreshold) {

    public static final String PGVECTOR = "pgvector";

    public static final String MEMORY = "memory";

    public VectorStoreConfig {
        type = (type != null) ? type : PGVECTOR;
        table = (table != null) ? table : "knowledge_embeddings";
        embeddingDimension = (embeddingDimension != null) ? embeddingDimension : 1024;
        topK = (topK != null) ? topK : 10;
        similarityThreshold = (similarityThreshold != null) ? similarityThreshold : 0.7;
    }

    /** The parsed connection string; only meaningful for {@code pgvector}. */
    public PostgresConnection connection() {
        return PostgresConnection.parse(this.connectionString);
    }

    @Override
    public String toString() {
        String connection = (this.connectionString != null) ? Secrets.redact(this.connectionString) : null;
        return "VectorStoreConfig[type=" + this.type + ", connectionString=" + connection + ", table=" + this.table
                + ", embeddingDimension=" + this.embeddingDimension + ", topK=" + this.topK
                + ", similarityThreshold=" + this.similarityThreshold + "]";
    }
}
