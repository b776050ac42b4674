package io.clearsky.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the two configuration objects from their JSON bytes: snake_case fields as the original
 * service wrote them, unknown fields noted rather than fatal, and errors that name the JSON path
 * without echoing values (a connection string may be among them).
 */
public final class ConfigReader {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ConfigReader() {
    }

    /**
     * A configuration object as read.
     *
     * @param value the object, defaults filled in
     * @param unknownFields JSON paths of fields the object does not define
     */
    public record Parsed<T>(T value, List<String> unknownFields) {
    }

    public static Parsed<ChatbotConfig> chatbot(byte[] json, String source) {
        return read(json, source, ChatbotConfig.class);
    }

    public static Parsed<VectorStoreConfig> vectorStore(byte[] json, String source) {
        return read(json, source, VectorStoreConfig.class);
    }

    /** The object as a JSON tree in its snake_case form, for comparing versions field by field. */
    public static JsonNode tree(Object config) {
        return MAPPER.valueToTree(config);
    }

    /** The canonical JSON of an object: field order fixed, whitespace gone, defaults filled in. */
    public static byte[] canonical(Object config) {
        return MAPPER.writeValueAsBytes(config);
    }

    private static <T> Parsed<T> read(byte[] json, String source, Class<T> type) {
        List<String> unknown = new ArrayList<>();
        JsonMapper mapper = MAPPER.rebuild().addHandler(new UnknownFieldCollector(unknown)).build();
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw ConfigException.of(source, "must be a JSON object");
            }
            return new Parsed<>(mapper.treeToValue(tree, type), List.copyOf(unknown));
        }
        catch (StreamReadException ex) {
            throw ConfigException.of(source, "is not valid JSON" + at(ex.getLocation()));
        }
        catch (MismatchedInputException ex) {
            throw new ConfigException(List.of(new ConfigProblem(source, path(ex), "has the wrong type: expected "
                    + expected(ex.getTargetType()))));
        }
        catch (JacksonException ex) {
            throw new ConfigException(List.of(new ConfigProblem(source, path(ex), "cannot be read")));
        }
    }

    private static String at(TokenStreamLocation location) {
        return (location != null && location.getLineNr() > 0)
                ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return (type == Double.class || type == double.class) ? "a number" : "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    /** Notes each unknown field's path and skips its value. */
    private static final class UnknownFieldCollector extends DeserializationProblemHandler {

        private final List<String> unknown;

        UnknownFieldCollector(List<String> unknown) {
            this.unknown = unknown;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
            // At an object or array value the parser has entered it already; its parent holds the field.
            TokenStreamContext field = parser.streamReadContext();
            if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                field = field.getParent();
            }
            List<String> names = new ArrayList<>();
            for (TokenStreamContext level = field; level != null; level = level.getParent()) {
                if (level.currentName() != null) {
                    names.addFirst(level.currentName());
                }
            }
            this.unknown.add(String.join(".", names));
            parser.skipChildren();
            return true;
        }
    }
}
