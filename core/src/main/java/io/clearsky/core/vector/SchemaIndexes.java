package io.clearsky.core.vector;

import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.config.ClearSkyConfig;
import io.clearsky.core.config.VectorStoreConfig;
import io.clearsky.core.embedding.CachedEmbeddings;
import io.clearsky.core.embedding.Embeddings;
import io.clearsky.core.embedding.MiniLmEmbeddings;
import io.clearsky.core.embedding.TitanEmbeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the embeddings and the vector index the configuration names, for the worker and the indexer.
 */
public final class SchemaIndexes {

    private static final Logger logger = LoggerFactory.getLogger(SchemaIndexes.class);

    private SchemaIndexes() {
    }

    /** MiniLM in process, or Titan on Bedrock; cached by content either way. */
    public static Embeddings embeddings(RetrievalProperties properties, ClearSkyConfig config, AwsClients aws) {
        Embeddings model = switch (properties.embeddings()) {
            case "minilm" -> new MiniLmEmbeddings();
            case "titan" -> new TitanEmbeddings(aws.bedrock(config.chatbot().bedrock().region()),
                    config.chatbot().bedrock().embeddingModelId(), config.vectorStore().embeddingDimension());
            default -> throw new IllegalArgumentException("clearsky.retrieval.embeddings must be minilm or titan, not '"
                    + properties.embeddings() + "'");
        };
        return new CachedEmbeddings(model, 50_000);
    }

    /**
     * The pgvector store when {@code vector_store_config.json} names one, else an in-memory index. A store
     * that cannot be reached is logged and replaced by the in-memory index, so questions are still
     * answered (the health endpoint reports the store); a store whose vectors have another dimension
     * than the model's stops start-up.
     */
    public static VectorIndex index(ClearSkyConfig config, Embeddings embeddings, RetrievalProperties properties) {
        if (!VectorStoreConfig.PGVECTOR.equals(config.vectorStore().type())) {
            return new InMemoryVectorIndex(embeddings.dimension());
        }
        try {
            return store(config, embeddings, properties);
        }
        catch (PgVectorIndex.DimensionMismatchException ex) {
            throw ex;
        }
        catch (IllegalStateException ex) {
            logger.warn("{}; retrieval uses an in-memory index of the catalog instead", ex.getMessage());
            return new InMemoryVectorIndex(embeddings.dimension());
        }
    }

    /**
     * The pgvector store {@code vector_store_config.json} names, with no fallback: for the indexer, which
     * must write where retrieval will read.
     *
     * @throws IllegalStateException when the configuration names no pgvector store or it cannot be used
     */
    public static PgVectorIndex store(ClearSkyConfig config, Embeddings embeddings, RetrievalProperties properties) {
        VectorStoreConfig store = config.vectorStore();
        if (!VectorStoreConfig.PGVECTOR.equals(store.type())) {
            throw new IllegalStateException("vector_store_config.json names no pgvector store (type is " + store.type()
                    + "); retrieval indexes the catalog in memory when it starts");
        }
        return PgVectorIndex.open(store.connection(), store.table(), embeddings.dimension(), store.similarityThreshold(),
                properties.storeTimeout());
    }
}
