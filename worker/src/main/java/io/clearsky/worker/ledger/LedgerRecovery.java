package io.clearsky.worker.ledger;

import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.worker.follow.TopicWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaches the ledger what happened recently: reads the status events of the last {@code lookback}
 * from every partition of the events topic. A question redelivered after a crash or rebalance was
 * being worked on within one query deadline of now, so its events are inside that window.
 */
public final class LedgerRecovery {

    private static final Logger logger = LoggerFactory.getLogger(LedgerRecovery.class);

    private static final Duration MAX_SCAN = Duration.ofSeconds(60);

    private final Map<String, Object> consumerProperties;

    private final String eventsTopic;

    private final Duration lookback;

    private final QueryLedger ledger;

    private final Deserializer<QueryEvent> events;

    public LedgerRecovery(Map<String, Object> consumerProperties, String eventsTopic, Duration lookback,
            QueryLedger ledger, Deserializer<QueryEvent> events) {
        this.events = events;
        this.consumerProperties = TopicWindow.ungrouped(consumerProperties);
        this.consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.eventsTopic = eventsTopic;
        this.lookback = lookback;
        this.ledger = ledger;
    }

    /** Reads the window; returns the number of events read. */
    public long recover() {
        long read = 0;
        Instant giveUpAt = Instant.now().plus(MAX_SCAN);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerProperties,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> end = TopicWindow.assignSince(consumer, this.eventsTopic,
                    Instant.now().minus(this.lookback));
            while (Instant.now().isBefore(giveUpAt)
                    && end.keySet().stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    observe(record);
                    read++;
                }
            }
        }
        logger.info("Learned from {} status events of the last {}", read, this.lookback);
        return read;
    }

    private void observe(ConsumerRecord<String, byte[]> record) {
        try {
            QueryEvent event = this.events.deserialize(record.topic(), record.value());
            if (event != null) {
                this.ledger.observe(event);
            }
        }
        catch (SerializationException ex) {
            logger.warn("Skipping unreadable status event at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }
}
