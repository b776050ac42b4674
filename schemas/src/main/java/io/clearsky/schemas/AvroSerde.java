package io.clearsky.schemas;

import io.clearsky.schemas.avro.AnswerFeedback;
import io.clearsky.schemas.avro.AuditRecord;
import io.clearsky.schemas.avro.ConfigEvent;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryCancelRequested;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.avro.VerifiedQuestionPromoted;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for ClearSky's Avro records using Avro single-object encoding: two marker bytes, the
 * 8-byte fingerprint of the writer's schema, then the binary record. Readers resolve records written
 * with any earlier published version of the schema (see {@link SchemaHistory}).
 *
 * @param <T> the generated record type
 */
public final class AvroSerde<T extends SpecificRecordBase> implements Serde<T> {

    private final BinaryMessageEncoder<T> encoder;

    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Class<T> type, org.apache.avro.Schema schema) {
        SpecificData model = SpecificData.getForClass(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, SchemaHistory.resolver());
    }

    public static AvroSerde<QuestionSubmitted> questionSubmitted() {
        return new AvroSerde<>(QuestionSubmitted.class, QuestionSubmitted.getClassSchema());
    }

    public static AvroSerde<QueryEvent> queryEvent() {
        return new AvroSerde<>(QueryEvent.class, QueryEvent.getClassSchema());
    }

    public static AvroSerde<QueryAnswer> queryAnswer() {
        return new AvroSerde<>(QueryAnswer.class, QueryAnswer.getClassSchema());
    }

    public static AvroSerde<QueryCancelRequested> queryCancelRequested() {
        return new AvroSerde<>(QueryCancelRequested.class, QueryCancelRequested.getClassSchema());
    }

    public static AvroSerde<ConfigEvent> configEvent() {
        return new AvroSerde<>(ConfigEvent.class, ConfigEvent.getClassSchema());
    }

    public static AvroSerde<AuditRecord> auditRecord() {
        return new AvroSerde<>(AuditRecord.class, AuditRecord.getClassSchema());
    }

    public static AvroSerde<AnswerFeedback> answerFeedback() {
        return new AvroSerde<>(AnswerFeedback.class, AnswerFeedback.getClassSchema());
    }

    public static AvroSerde<VerifiedQuestionPromoted> verifiedQuestionPromoted() {
        return new AvroSerde<>(VerifiedQuestionPromoted.class, VerifiedQuestionPromoted.getClassSchema());
    }

    /** Encodes a record; {@code null} stays {@code null} (a tombstone). */
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer buffer = this.encoder.encode(data);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        catch (IOException | RuntimeException ex) {
            throw new SerializationException("Cannot encode " + data.getSchema().getName() + " for topic " + topic, ex);
        }
    }

    /** Decodes a record written with the current or any earlier published schema. */
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return this.decoder.decode(data);
        }
        catch (IOException | RuntimeException ex) {
            throw new SerializationException("Cannot decode record from topic " + topic + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }
}
