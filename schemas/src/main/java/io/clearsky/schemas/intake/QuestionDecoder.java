package io.clearsky.schemas.intake;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.registry.ConfluentWire;
import io.clearsky.schemas.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a question record's value into a {@code QuestionSubmitted}, whatever a publisher wrote:
 * <ul>
 * <li>a {@code content-type} header containing {@code json}, or a value starting with <code>{</code>: JSON;</li>
 * <li>{@code C3 01}: Avro single-object encoding;</li>
 * <li>{@code 00} + 4-byte id: Confluent wire format, the writer schema fetched from the registry by id
 * and resolved against ours.</li>
 * </ul>
 * Anything else, or a record that breaks the contract, is an {@link UndecodableQuestionException} naming
 * what is wrong. An unreachable registry is a
 * {@link io.clearsky.schemas.registry.RegistryUnavailableException}: the record is fine and should be
 * read again later.
 */
public final class QuestionDecoder {

    /** The header a publisher may set to say what format a record's value is in. */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private static final byte SINGLE_OBJECT_MARKER = (byte) 0xC3;

    private final AvroSerde<QuestionSubmitted> singleObject = AvroSerde.questionSubmitted();

    private final JsonQuestionReader json = new JsonQuestionReader();

    private final SchemaRegistryClient registry;

    /** @param registry the registry that Confluent-wire records' ids refer to, or {@code null} for none */
    public QuestionDecoder(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** @param contentType the record's {@code content-type} header, or {@code null} */
    public QuestionSubmitted decode(String topic, byte[] value, String contentType) {
        if (value == null || value.length == 0) {
            throw new UndecodableQuestionException("EMPTY_RECORD", "The record has no value");
        }
        if ((contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) || startsLikeJson(value)) {
            return this.json.read(value);
        }
        if (value[0] == SINGLE_OBJECT_MARKER) {
            try {
                return this.singleObject.deserialize(topic, value);
            }
            catch (SerializationException ex) {
                throw new UndecodableQuestionException("UNREADABLE_RECORD",
                        "The record is not a QuestionSubmitted in Avro single-object encoding: " + ex.getMessage());
            }
        }
        if (ConfluentWire.looksLike(value)) {
            return confluentWire(value);
        }
        throw new UndecodableQuestionException("UNREADABLE_RECORD", String.format(
                "The record is in no accepted format: it starts with 0x%02X, not C3 01 (Avro single-object), "
                        + "00 + schema id (Confluent wire) or '{' (JSON)", value[0]));
    }

    private QuestionSubmitted confluentWire(byte[] value) {
        int id = ConfluentWire.schemaId(value);
        if (this.registry == null) {
            throw new UndecodableQuestionException("UNREADABLE_RECORD", "The record is in Confluent wire format (schema id "
                    + id + ") but no schema registry is configured (CLEARSKY_SCHEMA_REGISTRY_URL)");
        }
        try {
            return ConfluentWire.decode(value, this.registry.schemaById(id), QuestionSubmitted.getClassSchema());
        }
        catch (SerializationException | AvroRuntimeException ex) {
            throw new UndecodableQuestionException("UNREADABLE_RECORD",
                    "The Confluent wire record cannot be read as a QuestionSubmitted: " + ex.getMessage());
        }
    }

    /** The record's {@code content-type} header as text, or {@code null}. */
    public static String contentType(Headers headers) {
        Header header = (headers != null) ? headers.lastHeader(CONTENT_TYPE_HEADER) : null;
        return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
    }

    /** This decoder as a Kafka deserializer that honours the {@code content-type} header. */
    public Deserializer<QuestionSubmitted> deserializer() {
        return new Deserializer<>() {
            @Override
            public QuestionSubmitted deserialize(String topic, byte[] data) {
                return decode(topic, data, null);
            }

            @Override
            public QuestionSubmitted deserialize(String topic, Headers headers, byte[] data) {
                return decode(topic, data, contentType(headers));
            }
        };
    }

    private static boolean startsLikeJson(byte[] value) {
        for (byte b : value) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }
}
