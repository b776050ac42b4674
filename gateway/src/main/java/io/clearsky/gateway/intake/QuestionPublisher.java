package io.clearsky.gateway.intake;

import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.QuestionSubmitted;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes a question keyed by its query id and completes when the broker has acknowledged it: from
 * that moment the question is QUEUED and will be answered even if this gateway goes away.
 */
public class QuestionPublisher {

    private final Producer<String, byte[]> producer;

    private final TopicProperties topics;

    private final AvroSerde<QuestionSubmitted> serde = AvroSerde.questionSubmitted();

    public QuestionPublisher(Producer<String, byte[]> producer, TopicProperties topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public Mono<Void> publish(QuestionSubmitted question) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topics.questions(), question.getQueryId(),
                this.serde.serialize(this.topics.questions(), question));
        // The producer's I/O thread only completes the sink; the response is built on a parallel worker,
        // so that thread goes straight back to sending.
        return Mono.<Void>create((sink) -> this.producer.send(record, (metadata, ex) -> {
            if (ex != null) {
                sink.error(new IntakeUnavailableException(ex));
            }
            else {
                sink.success();
            }
        })).publishOn(Schedulers.parallel());
    }
}
