package io.clearsky.gateway.intake;

import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.QueryCancelRequested;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.registry.RegistryUnavailableException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes questions and cancel requests, keyed by query id, and completes when the broker has
 * acknowledged them: from that moment a question is QUEUED and will be answered, and a cancel request
 * will reach the workers, even if this gateway goes away.
 */
public class QuestionPublisher {

    private final Producer<String, byte[]> producer;

    private final TopicProperties topics;

    private final Serializer<QuestionSubmitted> serde;

    private final AvroSerde<QueryCancelRequested> cancelSerde = AvroSerde.queryCancelRequested();

    /** @param questions writes questions in single-object or registry mode, as configured */
    public QuestionPublisher(Producer<String, byte[]> producer, TopicProperties topics, Serializer<QuestionSubmitted> questions) {
        this.producer = producer;
        this.serde = questions;
        this.topics = topics;
    }

    public Mono<Void> publish(QuestionSubmitted question) {
        // In registry mode a write may wait for an unreachable registry: never on the event loop.
        return Mono.fromCallable(() -> this.serde.serialize(this.topics.questions(), question))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(RegistryUnavailableException.class, IntakeUnavailableException::new)
                .flatMap((value) -> send(new ProducerRecord<>(this.topics.questions(), question.getQueryId(), value)));
    }

    public Mono<Void> requestCancel(QueryCancelRequested request) {
        return send(new ProducerRecord<>(this.topics.queryControl(), request.getQueryId(),
                this.cancelSerde.serialize(this.topics.queryControl(), request)));
    }

    private Mono<Void> send(ProducerRecord<String, byte[]> record) {
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
