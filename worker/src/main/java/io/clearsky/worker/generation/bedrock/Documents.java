package io.clearsky.worker.generation.bedrock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON as the Bedrock SDK's {@link Document}, and back: tool schemas go out as documents, tool input
 * comes back as one.
 */
final class Documents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Documents() {
    }

    static Document of(JsonNode node) {
        if (node == null || node.isNull()) {
            return Document.fromNull();
        }
        if (node.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            node.properties().forEach((entry) -> members.put(entry.getKey(), of(entry.getValue())));
            return Document.fromMap(members);
        }
        if (node.isArray()) {
            List<Document> items = new ArrayList<>();
            node.forEach((item) -> items.add(of(item)));
            return Document.fromList(items);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.asBoolean());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        return Document.fromString(node.asString());
    }

    static JsonNode json(Document document) {
        if (document == null || document.isNull()) {
            return JSON.nullNode();
        }
        if (document.isMap()) {
            ObjectNode object = JSON.createObjectNode();
            document.asMap().forEach((name, value) -> object.set(name, json(value)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = JSON.createArrayNode();
            document.asList().forEach((item) -> array.add(json(item)));
            return array;
        }
        if (document.isBoolean()) {
            return JSON.getNodeFactory().booleanNode(document.asBoolean());
        }
        if (document.isNumber()) {
            return JSON.getNodeFactory().numberNode(new BigDecimal(document.asNumber().stringValue()));
        }
        return JSON.getNodeFactory().stringNode(document.asString());
    }
}
