package io.clearsky.core.kafka;

import io.clearsky.schemas.ContractSerdes;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares ClearSky's topics so that Spring's {@link KafkaAdmin} creates the missing ones at start-up.
 * Existing topics are left as they are. Also says how the query topics are encoded.
 */
@AutoConfiguration
@EnableConfigurationProperties({ TopicProperties.class, SchemaRegistryProperties.class })
public class TopicConfiguration {

    /** How the query topics are encoded: registry mode when a schema registry is configured. */
    @Bean
    ContractSerdes contractSerdes(SchemaRegistryProperties registry) {
        return registry.serdes();
    }

    @Bean
    KafkaAdmin.NewTopics clearskyTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                topic(topics.questions(), topics),
                topic(topics.queryEvents(), topics),
                topic(topics.answers(), topics),
                topic(topics.questionsDlq(), topics),
                topic(topics.audit(), topics),
                topic(topics.feedback(), topics),
                // Every worker reads all of it; compaction keeps the latest promotion of each question.
                TopicBuilder.name(topics.verifiedQuestions()).partitions(1).replicas(topics.replicationFactor()).compact().build(),
                // Every worker reads all of it and only requests younger than a query's deadline matter.
                TopicBuilder.name(topics.queryControl()).partitions(1).replicas(topics.replicationFactor())
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis())).build(),
                // One partition keeps revisions and answers in one order; compaction keeps the latest of each key.
                TopicBuilder.name(topics.config()).partitions(1).replicas(topics.replicationFactor()).compact().build());
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
