package io.clearsky.core.config;

import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.aws.AwsProperties;
import io.clearsky.core.config.ConfigLoader.ConfigObject;
import io.clearsky.core.config.source.ConfigSource;
import io.clearsky.core.config.source.EmbeddedConfigSource;
import io.clearsky.core.config.source.FileConfigSource;
import io.clearsky.core.config.source.S3ConfigSource;
import java.nio.file.Path;
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
                    new ConfigObject(bucket, orDefault(properties.vectorstoreKey(), ConfigProperties.VECTOR_STORE_FILE)));
        }
        return new ConfigLoader(local(properties.chatbotKey(), ConfigProperties.CHATBOT_FILE),
                local(properties.vectorstoreKey(), ConfigProperties.VECTOR_STORE_FILE));
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
