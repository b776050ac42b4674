package io.clearsky.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The Kafka security settings the README and the Helm chart document, given as environment variables the
 * way a pod gets them, bind into Spring Boot's Kafka properties and build real clients. Building a client
 * loads the SASL login module and callback handler; nothing connects.
 */
class KafkaSecuritySettingsTest {

    @Test
    void mskIamSettingsFromTheEnvironmentLoadTheIamLoginModule() {
        Map<String, Object> client = clientProperties(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "b-1.msk.example:9098",
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "AWS_MSK_IAM",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "software.amazon.msk.auth.iam.IAMLoginModule required;",
                "SPRING_KAFKA_PROPERTIES_SASL_CLIENT_CALLBACK_HANDLER_CLASS",
                "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));

        assertThat(client.get("bootstrap.servers")).asString().contains("b-1.msk.example:9098");
        assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                .containsEntry("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        buildClients(client);
    }

    @Test
    void scramSettingsFromTheEnvironmentLoadTheScramLoginModule() {
        Map<String, Object> client = clientProperties(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-0.kafka:9096",
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"clearsky-worker\" password=\"s3cret\";"));

        assertThat(client).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(client.get("sasl.jaas.config")).asString().contains("ScramLoginModule");
        buildClients(client);
    }

    @Test
    void mutualTlsSettingsFromTheEnvironmentNameTheStores() {
        Map<String, Object> client = clientProperties(Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SSL",
                "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/etc/clearsky/kafka/truststore.p12",
                "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_LOCATION", "/etc/clearsky/kafka/keystore.p12",
                "SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_TYPE", "PKCS12",
                "SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_PASSWORD", "changeit"));

        assertThat(client).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/clearsky/kafka/truststore.p12")
                .containsEntry("ssl.keystore.location", "/etc/clearsky/kafka/keystore.p12")
                .containsEntry("ssl.keystore.type", "PKCS12");
    }

    /** What the worker's producers and consumers are built from, given {@code env} as the process environment. */
    private static Map<String, Object> clientProperties(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        // Named as the process environment, so that Spring Boot maps names the way it maps real variables.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        KafkaProperties kafka = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("spring.kafka", KafkaProperties.class);
        return kafka.buildProducerProperties();
    }

    private static void buildClients(Map<String, Object> settings) {
        // Resolvable and on loopback: the clients are built, never authenticated.
        Map<String, Object> client = new HashMap<>(settings);
        client.put("bootstrap.servers", "127.0.0.1:9");
        Map<String, Object> consumer = new HashMap<>(client);
        consumer.put("group.id", "clearsky-worker");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client, new StringSerializer(),
                new ByteArraySerializer());
                KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumer, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            assertThat(producer.metrics()).isNotEmpty();
            assertThat(reader.metrics()).isNotEmpty();
        }
    }
}
