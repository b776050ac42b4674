package io.clearsky.worker;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.AuditRecord;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryCancelRequested;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a worker test does with the query topics: publish questions and cancel requests the way other
 * systems would, and read back every answer, event and dead letter of one query.
 */
final class QueryTopics implements AutoCloseable {

    private final String bootstrapServers;

    private final KafkaProducer<String, byte[]> producer;

    private final AvroSerde<QuestionSubmitted> questions = AvroSerde.questionSubmitted();

    QueryTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    static QuestionSubmitted question(String text) {
        return QuestionSubmitted.newBuilder().setQueryId(UUID.randomUUID().toString())
                .setSessionId("session-" + UUID.randomUUID()).setQuestion(text)
                .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    /** A question that carries its SQL, so generation is skipped. */
    static QuestionSubmitted sql(String sql) {
        QuestionSubmitted question = question("");
        question.setSql(sql);
        return question;
    }

    String send(QuestionSubmitted question) {
        sendRecord(Topics.QUESTIONS, question.getQueryId(), this.questions.serialize(Topics.QUESTIONS, question));
        return question.getQueryId();
    }

    void cancel(String queryId) {
        QueryCancelRequested request = QueryCancelRequested.newBuilder().setQueryId(queryId)
                .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
        sendRecord(Topics.QUERY_CONTROL, queryId, AvroSerde.queryCancelRequested().serialize(Topics.QUERY_CONTROL, request));
    }

    RecordMetadata sendRecord(String topic, String key, byte[] value) {
        try {
            return this.producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    List<QueryAnswer> answers(String id) {
        AvroSerde<QueryAnswer> serde = AvroSerde.queryAnswer();
        return read(Topics.ANSWERS, id).stream().map((r) -> serde.deserialize(r.topic(), r.value())).toList();
    }

    List<QueryEvent> events(String id) {
        AvroSerde<QueryEvent> serde = AvroSerde.queryEvent();
        return read(Topics.QUERY_EVENTS, id).stream().map((r) -> serde.deserialize(r.topic(), r.value())).toList();
    }

    /** The audit records of one query. */
    List<AuditRecord> audits(String id) {
        AvroSerde<AuditRecord> serde = AvroSerde.auditRecord();
        return read(Topics.AUDIT, id).stream().map((r) -> serde.deserialize(r.topic(), r.value())).toList();
    }

    List<ConsumerRecord<String, byte[]>> deadLetters(String id) {
        return read(Topics.QUESTIONS_DLQ, id);
    }

    /** Every record of {@code topic} with key {@code key}, from the beginning to the current end. */
    List<ConsumerRecord<String, byte[]>> read(String topic, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map((p) -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    @Override
    public void close() {
        this.producer.close();
    }
}
