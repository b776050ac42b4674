package io.clearsky.schemas.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads a question written as plain JSON with the Avro record's field names, e.g.
 * {@code {"queryId":"q1","sessionId":"s1","question":"How many orders?","submittedAt":1767225600000}}.
 * Optional fields are plain values or {@code null}, not Avro's union wrappers; timestamps are epoch
 * milliseconds or ISO-8601 text. It checks what {@code QuestionSubmitted.schema.json} states, walking the
 * Avro schema itself so the two cannot disagree: required fields, types, and no unknown fields. Every
 * problem names the field by its path, e.g. {@code options.maxRows}.
 */
final class JsonQuestionReader {

    /** Where the JSON Schema of the question contract is published on the classpath. */
    static final String JSON_SCHEMA = "/io/clearsky/schemas/json/QuestionSubmitted.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    QuestionSubmitted read(byte[] data) {
        JsonNode root;
        try {
            root = JSON.readTree(data);
        }
        catch (JsonProcessingException ex) {
            throw new UndecodableQuestionException("UNREADABLE_RECORD", "The record is not valid JSON: "
                    + ex.getOriginalMessage());
        }
        catch (IOException ex) {
            throw new UndecodableQuestionException("UNREADABLE_RECORD", "The record is not valid JSON: " + ex.getMessage());
        }
        Schema schema = QuestionSubmitted.getClassSchema();
        return toSpecific(record(root, schema, ""), schema);
    }

    /** Through Avro binary, so the generated class applies its own logical-type conversions. */
    private static QuestionSubmitted toSpecific(GenericData.Record record, Schema schema) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<GenericData.Record>(schema).write(record, encoder);
            return new SpecificDatumReader<QuestionSubmitted>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private GenericData.Record record(JsonNode node, Schema schema, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path.isEmpty() ? "the record" : path, "must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (schema.getField(name) == null) {
                throw invalid(path + name, "is not a field of " + schema.getName());
            }
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = path + field.name();
            JsonNode value = node.get(field.name());
            if (value == null) {
                if (!field.hasDefaultValue()) {
                    throw invalid(fieldPath, "is required");
                }
                record.put(field.pos(), GenericData.get().getDefaultValue(field));
            }
            else {
                record.put(field.pos(), value(value, field.schema(), fieldPath));
            }
        }
        return record;
    }

    private Object value(JsonNode node, Schema schema, String path) {
        return switch (schema.getType()) {
            case UNION -> union(node, schema, path);
            case NULL -> {
                if (!node.isNull()) {
                    throw invalid(path, "must be null");
                }
                yield null;
            }
            case STRING -> {
                if (!node.isTextual()) {
                    throw invalid(path, "must be a string");
                }
                yield node.asText();
            }
            case INT -> {
                if (!node.isInt()) {
                    throw invalid(path, "must be an integer");
                }
                yield node.intValue();
            }
            case LONG -> longValue(node, schema, path);
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw invalid(path, "must be true or false");
                }
                yield node.booleanValue();
            }
            case DOUBLE, FLOAT -> {
                if (!node.isNumber()) {
                    throw invalid(path, "must be a number");
                }
                yield (schema.getType() == Schema.Type.DOUBLE) ? (Object) node.doubleValue() : (Object) node.floatValue();
            }
            case ENUM -> {
                if (!node.isTextual() || !schema.getEnumSymbols().contains(node.asText())) {
                    throw invalid(path, "must be one of " + schema.getEnumSymbols());
                }
                yield new GenericData.EnumSymbol(schema, node.asText());
            }
            case ARRAY -> {
                if (!node.isArray()) {
                    throw invalid(path, "must be an array");
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) {
                    items.add(value(node.get(i), schema.getElementType(), path + "[" + i + "]"));
                }
                yield new GenericData.Array<>(schema, items);
            }
            case RECORD -> record(node, schema, path + ".");
            default -> throw invalid(path, "has a type JSON questions cannot carry: " + schema.getType());
        };
    }

    /** Optional fields are {@code ["null", T]}: JSON null, or a plain value of T. */
    private Object union(JsonNode node, Schema schema, String path) {
        if (node.isNull()) {
            if (schema.getTypes().stream().noneMatch((s) -> s.getType() == Schema.Type.NULL)) {
                throw invalid(path, "must not be null");
            }
            return null;
        }
        List<Schema> nonNull = schema.getTypes().stream().filter((s) -> s.getType() != Schema.Type.NULL).toList();
        if (nonNull.size() != 1) {
            throw invalid(path, "has a union type JSON questions cannot carry");
        }
        return value(node, nonNull.get(0), path);
    }

    private Object longValue(JsonNode node, Schema schema, String path) {
        boolean timestamp = schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (timestamp && node.isTextual()) {
            try {
                return Instant.parse(node.asText()).toEpochMilli();
            }
            catch (DateTimeParseException ex) {
                throw invalid(path, "must be epoch milliseconds or an ISO-8601 instant such as 2026-01-01T00:00:00Z");
            }
        }
        throw invalid(path, timestamp ? "must be epoch milliseconds or an ISO-8601 instant" : "must be an integer");
    }

    private static UndecodableQuestionException invalid(String path, String problem) {
        return new UndecodableQuestionException("INVALID_QUESTION", path + " " + problem);
    }
}
