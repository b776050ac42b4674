package io.clearsky.worker.pipeline;

import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.schemas.ContractSerdes;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes status events and answers, keyed by query id, and waits for the broker's acknowledgement so
 * that an offset is committed only behind outcomes that are durable.
 */
public class OutcomePublisher {

    private static final Logger logger = LoggerFactory.getLogger(OutcomePublisher.class);

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;

    private final TopicProperties topics;

    private final Serializer<QueryEvent> events;

    private final Serializer<QueryAnswer> answers;

    /** @param serdes single-object or registry mode, as configured */
    public OutcomePublisher(Producer<String, byte[]> producer, TopicProperties topics, ContractSerdes serdes) {
        this.producer = producer;
        this.topics = topics;
        this.events = serdes.events().serializer();
        this.answers = serdes.answers().serializer();
    }

    public void publish(QueryEvent event) {
        send(new ProducerRecord<>(this.topics.queryEvents(), event.getQueryId(),
                this.events.serialize(this.topics.queryEvents(), event)));
    }

    /**
     * Sends a progress event without waiting: the pipeline goes on at once. The terminal event, which
     * is awaited, follows on the same partition, so its acknowledgement covers every event before it.
     */
    public void publishProgress(QueryEvent event) {
        String topic = this.topics.queryEvents();
        this.producer.send(new ProducerRecord<>(topic, event.getQueryId(), this.events.serialize(topic, event)),
                (metadata, ex) -> {
                    if (ex != null) {
                        logger.warn("Progress event of query {} not written: {}", event.getQueryId(), ex.getMessage());
                    }
                });
    }

    public void publish(QueryAnswer answer) {
        send(new ProducerRecord<>(this.topics.answers(), answer.getQueryId(),
                this.answers.serialize(this.topics.answers(), answer)));
    }

    /** Sends and waits for the acknowledgement. */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            this.producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while sending to " + record.topic(), ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new KafkaException("Cannot send to " + record.topic() + ": " + ex.getMessage(), ex);
        }
    }
}
