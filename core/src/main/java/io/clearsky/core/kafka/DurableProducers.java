package io.clearsky.core.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producers for ClearSky's records: keyed by query id, values already encoded, acknowledged by all
 * in-sync replicas and idempotent, so a retried send never duplicates or reorders a query's records.
 */
public final class DurableProducers {

    private DurableProducers() {
    }

    /** A producer over {@code properties} (e.g. Spring's Kafka settings) with durability enforced. */
    public static Producer<String, byte[]> create(Map<String, Object> properties, String clientId) {
        Map<String, Object> durable = new HashMap<>(properties);
        durable.put(ProducerConfig.ACKS_CONFIG, "all");
        durable.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        durable.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(durable, new StringSerializer(), new ByteArraySerializer());
    }
}
