package io.clearsky.core.vector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How schema retrieval embeds and stores documents ({@code clearsky.retrieval.*}); the store itself is
 * {@code vector_store_config.json}.
 *
 * @param embeddings {@code minilm} (in process, 384 dimensions) or {@code titan}
 * ({@code bedrock.embedding_model_id} with {@code embedding_dimension})
 * @param tables tables handed to the generator per question
 * @param storeTimeout longest a vector-store connection or query may take
 */
@ConfigurationProperties("clearsky.retrieval")
public record RetrievalProperties(String embeddings, Integer tables, Duration storeTimeout) {

    public RetrievalProperties {
        embeddings = (embeddings != null) ? embeddings : "minilm";
        tables = (tables != null) ? tables : 8;
        storeTimeout = (storeTimeout != null) ? storeTimeout : Duration.ofSeconds(10);
    }
}
