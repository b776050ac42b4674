package io.clearsky.core.config.sync;

import io.clearsky.core.config.ConfigConfiguration;
import io.clearsky.core.config.ConfigLoader;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.kafka.DurableProducers;
import io.clearsky.core.kafka.TopicConfiguration;
import io.clearsky.core.kafka.TopicProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Joins this instance to the fleet's configuration revisions when Kafka is configured.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, ConfigConfiguration.class, TopicConfiguration.class })
@ConditionalOnBean({ KafkaProperties.class, LiveConfig.class })
public class ConfigSyncConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "configProducer")
    Producer<String, byte[]> configProducer(KafkaProperties kafka) {
        return DurableProducers.create(kafka.buildProducerProperties(), "clearsky-config");
    }

    @Bean
    @ConditionalOnMissingBean
    ConfigSync configSync(KafkaProperties kafka, Producer<String, byte[]> configProducer, TopicProperties topics,
            ConfigLoader loader, LiveConfig live, Environment environment) {
        String role = environment.getProperty("spring.application.name", "clearsky");
        return new ConfigSync(kafka.buildConsumerProperties(), configProducer, topics.config(), instanceName(role),
                role, loader, live);
    }

    /** Application contexts started in this process, so that two in one JVM get distinct names. */
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    /** Unique and stable across a pod's life: {@code role@host:pid}, with {@code #n} for a second context. */
    private static String instanceName(String role) {
        int context = CONTEXTS.incrementAndGet();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            host = "unknown-host";
        }
        return role + "@" + host + ":" + ProcessHandle.current().pid() + ((context > 1) ? "#" + context : "");
    }
}
