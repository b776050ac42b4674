package io.clearsky.worker.generation.prompt;

import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationException;
import io.clearsky.worker.generation.ModelUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three tools a model answers with (SQL, a refusal, a question back), as JSON Schema, and the reading of their input into a
 * {@link Generation}. Input that does not fit the schema is refused here, so it never reaches the guard
 * or the engine.
 */
public final class AnswerTools {

    public static final String ANSWER = "answer_with_sql";

    public static final String CANNOT_ANSWER = "cannot_answer";

    public static final String ASK_CLARIFICATION = "ask_clarification";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<String> CHART_HINTS = Set.of("kpi", "line", "area", "bar", "horizontalBar", "groupedBar",
            "stackedBar", "doughnut", "pie", "scatter", "table", "none");

    private static final JsonNode ANSWER_SCHEMA = JSON.readTree("""
            {
              "type": "object",
              "properties": {
                "sql": {"type": "string", "description": "Exactly one read-only query in the target dialect, without a trailing semicolon"},
                "explanation": {"type": "string", "description": "What the query computes, in one or two plain sentences"},
                "tables_used": {"type": "array", "items": {"type": "string"}, "description": "The tables the query reads"},
                "assumptions": {"type": "array", "items": {"type": "string"}, "description": "Interpretations made where the question was ambiguous"},
                "chart_hint": {"type": "string", "enum": ["kpi", "line", "area", "bar", "horizontalBar", "groupedBar", "stackedBar", "doughnut", "pie", "scatter", "table", "none"]},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1, "description": "How sure you are the query answers the question"}
              },
              "required": ["sql", "explanation", "tables_used", "confidence"]
            }""");

    private static final JsonNode CANNOT_ANSWER_SCHEMA = JSON.readTree("""
            {
              "type": "object",
              "properties": {
                "reason": {"type": "string", "description": "Why the question cannot be answered from these tables"},
                "clarifying_question": {"type": "string", "description": "One question to the asker that would make it answerable"}
              },
              "required": ["reason"]
            }""");

    private static final JsonNode ASK_CLARIFICATION_SCHEMA = JSON.readTree("""
            {
              "type": "object",
              "properties": {
                "reason": {"type": "string", "description": "Which words of the question fit which readings"},
                "clarifying_question": {"type": "string", "description": "The question to put to the asker"},
                "choices": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 5, "description": "The readings to choose from, each a few words"}
              },
              "required": ["reason", "clarifying_question", "choices"]
            }""");

    /** A tool: name, description, JSON Schema of its input. */
    public record Tool(String name, String description, JsonNode inputSchema) {
    }

    public static final List<Tool> TOOLS = List.of(
            new Tool(ANSWER, "Answer the question with one read-only SQL query and its explanation.", ANSWER_SCHEMA),
            new Tool(CANNOT_ANSWER, "Decline when the tables cannot answer the question or it is too ambiguous.",
                    CANNOT_ANSWER_SCHEMA),
            new Tool(ASK_CLARIFICATION, "Ask which reading is meant when the question fits two or more equally well.",
                    ASK_CLARIFICATION_SCHEMA));

    /**
     * What a model replied: the tool it called and that call's input as JSON, or no tool (free text).
     *
     * @param tool the tool's name, or null for free text
     * @param input the tool input, or null for free text
     * @param usage what the call cost
     */
    public record ToolReply(String tool, String input, ModelUsage usage) {
    }

    /** One call of a model with the user message; the system prompt and the tools are the caller's. */
    @FunctionalInterface
    public interface ModelTurn {

        ToolReply reply(String userMessage) throws GenerationException;
    }

    private AnswerTools() {
    }

    /**
     * Asks the model; a reply that is free text or does not fit its tool's schema is asked for once
     * more, naming the problem, and otherwise refused — it never reaches the guard or the engine.
     *
     * @throws GenerationException {@code MODEL_MALFORMED_ANSWER} after two unusable replies, or the call's own
     */
    public static Generation ask(String question, ModelTurn model) throws GenerationException {
        ModelUsage usage = ModelUsage.NONE;
        String problem = null;
        for (int call = 0; call < 2; call++) {
            String user = (problem == null) ? question : question + "\n\nYour previous reply could not be used ("
                    + problem + "). Reply only by calling answer_with_sql, cannot_answer or ask_clarification with input "
                    + "that fits its schema.";
            ToolReply reply = model.reply(user);
            usage = usage.plus(reply.usage());
            if (reply.tool() == null) {
                problem = "it was text, not a tool call";
                continue;
            }
            try {
                return read(reply.tool(), reply.input(), usage);
            }
            catch (MalformedAnswerException ex) {
                problem = ex.getMessage();
            }
        }
        throw new GenerationException("MODEL_MALFORMED_ANSWER", "The model's answer could not be used twice in a row ("
                + problem + "); nothing was run. Ask again or rephrase the question.", true, null);
    }

    /**
     * The reply a tool call carries.
     *
     * @throws MalformedAnswerException when the tool is unknown or its input does not fit its schema
     */
    public static Generation read(String toolName, JsonNode input, ModelUsage usage) throws MalformedAnswerException {
        if (input == null || !input.isObject()) {
            throw new MalformedAnswerException("the tool input is not a JSON object");
        }
        return switch (toolName) {
            case ANSWER -> answer((ObjectNode) input, usage);
            case CANNOT_ANSWER -> new Generation.CannotAnswer(requiredText(input, "reason"),
                    optionalText(input, "clarifying_question"), usage);
            case ASK_CLARIFICATION -> clarification(input, usage);
            default -> throw new MalformedAnswerException("unknown tool " + toolName);
        };
    }

    public static Generation read(String toolName, String inputJson, ModelUsage usage) throws MalformedAnswerException {
        JsonNode input;
        try {
            input = JSON.readTree(inputJson);
        }
        catch (RuntimeException ex) {
            throw new MalformedAnswerException("the tool input is not valid JSON");
        }
        return read(toolName, input, usage);
    }

    private static Generation.Sql answer(ObjectNode input, ModelUsage usage) throws MalformedAnswerException {
        String sql = requiredText(input, "sql").strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        Double confidence = null;
        if (input.hasNonNull("confidence")) {
            if (!input.get("confidence").isNumber()) {
                throw new MalformedAnswerException("confidence is not a number");
            }
            confidence = Math.max(0, Math.min(1, input.get("confidence").asDouble()));
        }
        String chartHint = optionalText(input, "chart_hint");
        return new Generation.Sql(sql, requiredText(input, "explanation"), texts(input, "tables_used"),
                texts(input, "assumptions"), (chartHint != null && CHART_HINTS.contains(chartHint)) ? chartHint : null,
                confidence, usage);
    }

    private static Generation.Clarification clarification(JsonNode input, ModelUsage usage)
            throws MalformedAnswerException {
        List<String> choices = texts(input, "choices").stream().filter((choice) -> !choice.isBlank()).toList();
        if (choices.size() < 2) {
            throw new MalformedAnswerException("choices must hold at least two readings");
        }
        return new Generation.Clarification(requiredText(input, "reason"), requiredText(input, "clarifying_question"),
                choices, usage);
    }

    private static String requiredText(JsonNode input, String field) throws MalformedAnswerException {
        JsonNode value = input.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new MalformedAnswerException(field + " is missing or not a non-empty string");
        }
        return value.asString();
    }

    private static String optionalText(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
    }

    private static List<String> texts(JsonNode input, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = input.get(field);
        if (array != null && array.isArray()) {
            array.forEach((value) -> {
                if (value.isString()) {
                    values.add(value.asString());
                }
            });
        }
        return values;
    }

    /** The model replied, but not with a usable tool call. */
    public static final class MalformedAnswerException extends Exception {

        public MalformedAnswerException(String message) {
            super(message);
        }
    }
}
