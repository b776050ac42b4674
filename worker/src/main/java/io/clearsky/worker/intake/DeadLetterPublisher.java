package io.clearsky.worker.intake;

import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.schemas.DlqHeaders;
import io.clearsky.worker.pipeline.OutcomePublisher;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a question record that cannot be processed to the dead-letter topic: the original key, bytes
 * and headers, plus headers saying why and where it came from. Nothing is dropped silently.
 */
public class DeadLetterPublisher {

    private static final Logger logger = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final OutcomePublisher publisher;

    private final TopicProperties topics;

    public DeadLetterPublisher(OutcomePublisher publisher, TopicProperties topics) {
        this.publisher = publisher;
        this.topics = topics;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reasonCode, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(this.topics.questionsDlq(), null, record.key(),
                record.value(), record.headers());
        Headers headers = dead.headers();
        headers.add(DlqHeaders.REASON_CODE, reasonCode.getBytes(StandardCharsets.UTF_8));
        headers.add(DlqHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DlqHeaders.ORIGIN, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        this.publisher.send(dead);
        logger.warn("Question record {}-{}@{} sent to {}: {} ({})", record.topic(), record.partition(),
                record.offset(), this.topics.questionsDlq(), reasonCode, reason);
    }
}
