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
 * in-sync replicas and idempotent, so a retried send never duplicates or reorders a query's records,
 * and sent without lingering.
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
        // Every caller waits for each acknowledgement (a 202, the next pipeline step), so lingering for a
        // fuller batch only adds latency; under load, records queued behind in-flight requests still
        // share batches. Kafka 4 lingers 5 ms by default.
        durable.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(durable, new StringSerializer(), new ByteArraySerializer());
    }
}
