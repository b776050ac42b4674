package io.clearsky.worker.generation.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A wire-level Bedrock Runtime: WireMock answering {@code POST /model/{modelId}/converse} with Converse
 * JSON, and {@code /converse-stream} with the same reply split into events in the real
 * {@code application/vnd.amazon.eventstream} framing. Replies are queued by the test and served in
 * order; every request the SDK sent stays in the journal for checking.
 */
public final class BedrockStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;

    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();

    /** One queued reply. */
    public sealed interface Reply {
    }

    /** The model calls a tool with this input (JSON). */
    public record ToolCall(String tool, String inputJson) implements Reply {
    }

    /** The model answers in prose, without a tool call. */
    public record Text(String text) implements Reply {
    }

    /** Bedrock refuses the call. */
    public record Failure(int status, String errorType, String message) implements Reply {
    }

    private BedrockStub() {
        this.server = new WireMockServer(options().dynamicPort().extensions(new Protocol()));
    }

    public static BedrockStub start() {
        BedrockStub stub = new BedrockStub();
        stub.server.start();
        stub.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        return stub;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + this.server.port());
    }

    public BedrockStub reply(Reply... queued) {
        this.replies.addAll(List.of(queued));
        return this;
    }

    public static ToolCall answer(String sql, String explanation) {
        ObjectNode input = JSON.createObjectNode().put("sql", sql).put("explanation", explanation).put("confidence", 0.9)
                .put("chart_hint", "bar");
        input.putArray("tables_used").add("orders");
        input.putArray("assumptions").add("status values are as stored");
        return new ToolCall("answer_with_sql", input.toString());
    }

    public List<LoggedRequest> requests() {
        return this.server.findAll(anyRequestedFor(anyUrl()));
    }

    public void reset() {
        this.server.resetRequests();
        this.replies.clear();
    }

    @Override
    public void close() {
        this.server.stop();
    }

    private final class Protocol implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "bedrock-converse";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String path = event.getRequest().getUrl();
            if (!path.startsWith("/model/") || !(path.endsWith("/converse") || path.endsWith("/converse-stream"))) {
                return error(new Failure(404, "UnknownOperationException", "No such operation " + path));
            }
            Reply reply = replies.poll();
            if (reply == null) {
                return error(new Failure(500, "InternalServerException", "The test queued no reply"));
            }
            if (reply instanceof Failure failure) {
                return error(failure);
            }
            return path.endsWith("/converse-stream") ? stream(reply) : converse(reply);
        }
    }

    private static ResponseDefinition converse(Reply reply) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode message = response.putObject("output").putObject("message").put("role", "assistant");
        if (reply instanceof ToolCall call) {
            message.putArray("content").addObject().putObject("toolUse").put("toolUseId", "tooluse_1")
                    .put("name", call.tool()).set("input", JSON.readTree(call.inputJson()));
            response.put("stopReason", "tool_use");
        }
        else {
            message.putArray("content").addObject().put("text", ((Text) reply).text());
            response.put("stopReason", "end_turn");
        }
        response.putObject("usage").put("inputTokens", 1200).put("outputTokens", 80).put("totalTokens", 1280);
        response.putObject("metrics").put("latencyMs", 850);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(response.toString())
                .build();
    }

    /** The reply as ConverseStream events; the tool input arrives in small pieces, as it does from the model. */
    private static ResponseDefinition stream(Reply reply) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        event(body, "messageStart", JSON.createObjectNode().put("role", "assistant"));
        if (reply instanceof ToolCall call) {
            ObjectNode start = JSON.createObjectNode().put("contentBlockIndex", 0);
            start.putObject("start").putObject("toolUse").put("toolUseId", "tooluse_1").put("name", call.tool());
            event(body, "contentBlockStart", start);
            for (int i = 0; i < call.inputJson().length(); i += 12) {
                ObjectNode delta = JSON.createObjectNode().put("contentBlockIndex", 0);
                delta.putObject("delta").putObject("toolUse")
                        .put("input", call.inputJson().substring(i, Math.min(call.inputJson().length(), i + 12)));
                event(body, "contentBlockDelta", delta);
            }
        }
        else {
            ObjectNode delta = JSON.createObjectNode().put("contentBlockIndex", 0);
            delta.putObject("delta").put("text", ((Text) reply).text());
            event(body, "contentBlockDelta", delta);
        }
        event(body, "contentBlockStop", JSON.createObjectNode().put("contentBlockIndex", 0));
        event(body, "messageStop", JSON.createObjectNode().put("stopReason", (reply instanceof ToolCall) ? "tool_use" : "end_turn"));
        ObjectNode metadata = JSON.createObjectNode();
        metadata.putObject("usage").put("inputTokens", 1300).put("outputTokens", 90).put("totalTokens", 1390);
        metadata.putObject("metrics").put("latencyMs", 900);
        event(body, "metadata", metadata);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withBody(body.toByteArray()).build();
    }

    private static void event(ByteArrayOutputStream body, String type, ObjectNode payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        new Message(headers, payload.toString().getBytes(StandardCharsets.UTF_8)).encode(body);
    }

    private static ResponseDefinition error(Failure failure) {
        return aResponse().withStatus(failure.status()).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", failure.errorType())
                .withBody(JSON.createObjectNode().put("message", failure.message()).toString()).build();
    }

    /** The JSON body of each request, in order. */
    public List<ObjectNode> bodies() {
        List<ObjectNode> bodies = new ArrayList<>();
        requests().forEach((request) -> bodies.add((ObjectNode) JSON.readTree(request.getBodyAsString())));
        return bodies;
    }
}
