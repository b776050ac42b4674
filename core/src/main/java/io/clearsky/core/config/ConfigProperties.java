package io.clearsky.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the two configuration objects are. Bound from the original service's environment variables
 * ({@code CONFIG_BUCKET}, {@code CHATBOT_CONFIG_KEY}, {@code VECTORSTORE_CONFIG_KEY}).
 * <p>
 * With a bucket, both objects are read from S3 (keys defaulting to the original file names). Without
 * one, a key names a local file, and an object with no key comes from the defaults in the jar.
 *
 * @param bucket the S3 bucket holding both objects
 * @param chatbotKey the key (or, without a bucket, the file) of {@code chatbot_config.json}
 * @param vectorstoreKey the key (or file) of {@code vector_store_config.json}
 * @param reloadWait how long a reload waits for every instance to answer
 * @param semanticModels the semantic model file of each database: an S3 key in the bucket or, without a
 * bucket, a local file ({@code clearsky.config.semantic-models.sales=semantic/sales.json})
 * @param embeddedSemanticModels without a bucket, whether the models in the jar
 * ({@code clearsky/semantic/<database>.json}) apply to databases that have no file named; default true
 */
@ConfigurationProperties("clearsky.config")
public record ConfigProperties(String bucket, String chatbotKey, String vectorstoreKey, Duration reloadWait,
        Map<String, String> semanticModels, Boolean embeddedSemanticModels) {

    public static final String CHATBOT_FILE = "chatbot_config.json";

    public static final String VECTOR_STORE_FILE = "vector_store_config.json";

    public ConfigProperties {
        bucket = blankToNull(bucket);
        chatbotKey = blankToNull(chatbotKey);
        vectorstoreKey = blankToNull(vectorstoreKey);
        reloadWait = (reloadWait != null) ? reloadWait : Duration.ofSeconds(10);
        semanticModels = (semanticModels != null) ? Map.copyOf(new TreeMap<>(semanticModels)) : Map.of();
        embeddedSemanticModels = (embeddedSemanticModels != null) ? embeddedSemanticModels : Boolean.TRUE;
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }
}
