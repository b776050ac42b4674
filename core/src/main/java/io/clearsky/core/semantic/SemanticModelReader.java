package io.clearsky.core.semantic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one semantic model file: JSON checked against {@code clearsky/semantic/semantic-model.schema.json}
 * (draft 2020-12), then bound to {@link SemanticModel}. Field names are the records' camelCase component
 * names; enumerated values are accepted in upper or lower case and written in upper case.
 */
public final class SemanticModelReader {

    /** The JSON Schema of one model file, on the classpath. */
    public static final String SCHEMA_RESOURCE = "clearsky/semantic/semantic-model.schema.json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(EnumFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final Schema SCHEMA = loadSchema();

    private SemanticModelReader() {
    }

    /**
     * The model in a file.
     *
     * @param json the file's bytes
     * @param source where it was read from, for messages
     * @param database the database the file is configured for; the file's own {@code database}, when given,
     * must match it
     * @throws ConfigException with every schema violation, each naming its JSON path
     */
    public static SemanticModel read(byte[] json, String source, String database) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        }
        catch (StreamReadException ex) {
            String at = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
                    ? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
            throw ConfigException.of(source, "is not valid JSON" + at);
        }
        if (tree == null || !tree.isObject()) {
            throw ConfigException.of(source, "must be a JSON object");
        }
        List<ConfigProblem> problems = SCHEMA.validate(tree).stream().map((error) -> problem(source, error)).toList();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        String declared = tree.path("database").asString(null);
        if (declared != null && !declared.equals(database)) {
            throw new ConfigException(List.of(new ConfigProblem(source, "database",
                    "is '" + declared + "' but the file is configured for database '" + database + "'")));
        }
        ObjectNode object = (ObjectNode) tree;
        object.remove("$schema");
        object.put("database", database);
        try {
            return MAPPER.treeToValue(object, SemanticModel.class);
        }
        catch (JacksonException ex) {
            throw ConfigException.of(source, "cannot be read as a semantic model: " + ex.getOriginalMessage());
        }
    }

    /** The canonical JSON of a model: properties sorted, no whitespace; equal models give equal bytes. */
    public static byte[] canonical(SemanticModel model) {
        return MAPPER.writeValueAsBytes(model);
    }

    /** A model as a JSON tree, as the files write it. */
    public static JsonNode tree(SemanticModel model) {
        return MAPPER.valueToTree(model);
    }

    private static ConfigProblem problem(String source, Error error) {
        String path = jsonPath(error.getInstanceLocation().toString());
        String message = error.getMessage();
        // The validator's message starts with the instance location; the problem carries it as its path.
        String pointer = error.getInstanceLocation().toString();
        if (message.startsWith(pointer + " ")) {
            message = message.substring(pointer.length() + 1);
        }
        if (message.startsWith(": ")) {
            message = message.substring(2);
        }
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
            message = "is required";
        }
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
            message = "is not a field of the semantic model";
        }
        return new ConfigProblem(source, path, message);
    }

    /** The JSON pointer {@code /metrics/2/name} (or {@code $.metrics[2].name}) as {@code metrics[2].name}. */
    static String jsonPath(String location) {
        if (location.startsWith("$")) {
            String path = location.substring(1);
            return path.startsWith(".") ? path.substring(1) : path;
        }
        StringBuilder path = new StringBuilder();
        for (String token : location.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            }
            else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.toString();
    }

    private static Schema loadSchema() {
        try (InputStream in = SemanticModelReader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the jar");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
