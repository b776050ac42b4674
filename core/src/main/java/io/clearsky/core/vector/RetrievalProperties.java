package io.clearsky.core.vector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How schema retrieval embeds and stores documents ({@code clearsky.retrieval.*}); the store itself is
 * {@code vector_store_config.json}.
 *
 * @param embeddings {@code minilm} (in process, 384 dimensions) or {@code titan}
 * ({@code bedrock.embedding_model_id} with {@code embedding_dimension})
 * @param tables most tables handed to the generator per question
 * @param tokenBudget most prompt tokens the tables' descriptions may take; lower-ranked tables are left out
 * beyond it
 * @param storeTimeout longest a vector-store connection or query may take
 */
@ConfigurationProperties("clearsky.retrieval")
public record RetrievalProperties(String embeddings, Integer tables, Integer tokenBudget, Duration storeTimeout) {

    public RetrievalProperties {
        embeddings = (embeddings != null) ? embeddings : "minilm";
        tables = (tables != null) ? tables : 8;
        tokenBudget = (tokenBudget != null) ? tokenBudget : 6_000;
        storeTimeout = (storeTimeout != null) ? storeTimeout : Duration.ofSeconds(10);
    }
}
