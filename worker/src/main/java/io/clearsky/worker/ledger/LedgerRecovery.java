package io.clearsky.worker.ledger;

import io.clearsky.schemas.avro.QueryAnswer;
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
 * Teaches the ledger what happened recently: reads the status events and answers of the last
 * {@code lookback} from every partition of the events and answers topics. A question redelivered after a crash or rebalance was
 * being worked on within one query deadline of now, so its events are inside that window.
 */
public final class LedgerRecovery {

    private static final Logger logger = LoggerFactory.getLogger(LedgerRecovery.class);

    private static final Duration MAX_SCAN = Duration.ofSeconds(60);

    private final Map<String, Object> consumerProperties;

    private final String eventsTopic;

    private final Duration lookback;

    private final QueryLedger ledger;

    private final String answersTopic;

    private final Deserializer<QueryEvent> events;

    private final Deserializer<QueryAnswer> answers;

    public LedgerRecovery(Map<String, Object> consumerProperties, String eventsTopic, String answersTopic,
            Duration lookback, QueryLedger ledger, Deserializer<QueryEvent> events, Deserializer<QueryAnswer> answers) {
        this.answersTopic = answersTopic;
        this.events = events;
        this.answers = answers;
        this.consumerProperties = TopicWindow.ungrouped(consumerProperties);
        this.consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.eventsTopic = eventsTopic;
        this.lookback = lookback;
        this.ledger = ledger;
    }

    /** Reads the window of both topics; returns the number of records read. */
    public long recover() {
        // Events first: an answer without a later terminal event is what the ledger must notice.
        long read = scan(this.eventsTopic) + scan(this.answersTopic);
        logger.info("Learned from {} status events and answers of the last {}", read, this.lookback);
        return read;
    }

    private long scan(String topic) {
        long read = 0;
        Instant giveUpAt = Instant.now().plus(MAX_SCAN);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerProperties,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> end = TopicWindow.assignSince(consumer, topic,
                    Instant.now().minus(this.lookback));
            while (Instant.now().isBefore(giveUpAt)
                    && end.keySet().stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    observe(record);
                    read++;
                }
            }
        }
        return read;
    }

    private void observe(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(this.answersTopic)) {
                QueryAnswer answer = this.answers.deserialize(record.topic(), record.value());
                if (answer != null) {
                    this.ledger.observeAnswer(answer.getQueryId(), answer.getStatus());
                }
                return;
            }
            QueryEvent event = this.events.deserialize(record.topic(), record.value());
            if (event != null) {
                this.ledger.observe(event);
            }
        }
        catch (SerializationException ex) {
            logger.warn("Skipping unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }
}
