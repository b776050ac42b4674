package io.clearsky.core.config;

import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.aws.AwsProperties;
import io.clearsky.core.config.ConfigLoader.ConfigObject;
import io.clearsky.core.config.source.ConfigSource;
import io.clearsky.core.config.source.EmbeddedConfigSource;
import io.clearsky.core.config.source.FileConfigSource;
import io.clearsky.core.config.source.S3ConfigSource;
import io.clearsky.core.config.ConfigLoader.ModelObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the configuration objects at start-up and keeps them live. A missing, unreadable or invalid
 * object stops start-up with one line naming it and why ({@link ConfigFailureAnalyzer}).
 */
@AutoConfiguration
@EnableConfigurationProperties({ ConfigProperties.class, AwsProperties.class })
public class ConfigConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AwsClients awsClients(AwsProperties properties, Environment environment) {
        return new AwsClients(properties, environment);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    S3Client s3Client(AwsClients aws) {
        return aws.s3();
    }

    @Bean
    @ConditionalOnMissingBean
    ConfigLoader configLoader(ConfigProperties properties, S3Client s3) {
        if (properties.bucket() != null) {
            ConfigSource bucket = new S3ConfigSource(s3, properties.bucket());
            return new ConfigLoader(
                    new ConfigObject(bucket, orDefault(properties.chatbotKey(), ConfigProperties.CHATBOT_FILE)),
                    new ConfigObject(bucket, orDefault(properties.vectorstoreKey(), ConfigProperties.VECTOR_STORE_FILE)),
                    properties.semanticModels().entrySet().stream()
                            .map((model) -> new ModelObject(model.getKey(), new ConfigObject(bucket, model.getValue())))
                            .toList());
        }
        return new ConfigLoader(local(properties.chatbotKey(), ConfigProperties.CHATBOT_FILE),
                local(properties.vectorstoreKey(), ConfigProperties.VECTOR_STORE_FILE), localModels(properties));
    }

    /** The semantic model files named, then those in the jar for the other databases (unless switched off). */
    private static List<ModelObject> localModels(ConfigProperties properties) {
        List<ModelObject> models = new ArrayList<>();
        FileConfigSource files = new FileConfigSource(Path.of(""));
        for (Map.Entry<String, String> model : properties.semanticModels().entrySet()) {
            models.add(new ModelObject(model.getKey(), new ConfigObject(files, model.getValue())));
        }
        if (properties.embeddedSemanticModels()) {
            EmbeddedConfigSource jar = new EmbeddedConfigSource(EMBEDDED_MODELS);
            for (String file : embeddedModelFiles()) {
                String database = file.substring(0, file.length() - ".json".length());
                if (!properties.semanticModels().containsKey(database)) {
                    models.add(new ModelObject(database, new ConfigObject(jar, file)));
                }
            }
        }
        return models;
    }

    /** Where the jar keeps semantic models, one {@code <database>.json} each, beside their JSON Schema. */
    static final String EMBEDDED_MODELS = "clearsky/semantic/";

    private static List<String> embeddedModelFiles() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(ConfigConfiguration.class.getClassLoader())
                    .getResources("classpath*:" + EMBEDDED_MODELS + "*.json");
            return java.util.Arrays.stream(found).map(Resource::getFilename)
                    .filter((name) -> name != null && !name.endsWith(".schema.json")).distinct().sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + EMBEDDED_MODELS + " on the classpath", ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    LiveConfig liveConfig(ConfigLoader loader) {
        return new LiveConfig(loader.load());
    }

    private static ConfigObject local(String key, String embeddedName) {
        return (key != null) ? new ConfigObject(new FileConfigSource(Path.of("")), key)
                : new ConfigObject(new EmbeddedConfigSource(), embeddedName);
    }

    private static String orDefault(String key, String fallback) {
        return (key != null) ? key : fallback;
    }
}
