package io.clearsky.worker.generation.openai;

import io.clearsky.worker.generation.SemanticFixture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationException;
import io.clearsky.worker.generation.GenerationProperties;
import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.ModelCalls;
import io.clearsky.worker.generation.ModelUsage;
import io.clearsky.worker.retrieval.SchemaContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible generator through the official client against a WireMock chat-completions
 * endpoint, as Ollama or vLLM would answer.
 */
class OpenAiSqlGeneratorIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SchemaContext SCHEMA = new SchemaContext("main", List.of(new TableInfo("main", "orders",
            "Customer orders", List.of(new ColumnInfo("order_id", "INTEGER", null, false),
                    new ColumnInfo("status", "VARCHAR", null, false)), 10L)));

    private WireMockServer server;

    private OpenAiSqlGenerator generator;

    @BeforeEach
    void start() {
        this.server = new WireMockServer(options().dynamicPort());
        this.server.start();
        var client = OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + this.server.port() + "/v1").apiKey("sk-test")
                .maxRetries(0).build();
        ChatbotConfig config = new ChatbotConfig(new ChatbotConfig.Bedrock(null, null, null, 1024, 0.2), null, null, null,
                null, null);
        this.generator = new OpenAiSqlGenerator(client, "qwen2.5-coder:7b", () -> config, new ModelCalls("The model endpoint",
                new GenerationProperties.Resilience(4, 2, Duration.ofMillis(10), Duration.ofMillis(20), 5, Duration.ofMinutes(1)),
                Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        this.server.stop();
    }

    @Test
    void aToolCallBecomesSqlAndTheRequestCarriesTheToolsAndTheSchema() throws Exception {
        replies(toolCall("answer_with_sql", "{\"sql\": \"SELECT count(*) FROM orders;\", \"explanation\": \"Counts orders.\", "
                + "\"tables_used\": [\"orders\"], \"confidence\": 0.8}"));

        Generation generation = this.generator.generate(new GenerationRequest("How many orders?", SCHEMA, 20, "duckdb"));

        assertThat(generation).isEqualTo(new Generation.Sql("SELECT count(*) FROM orders", "Counts orders.", List.of("orders"),
                List.of(), null, 0.8, new ModelUsage(1, 321, 45, ((Generation.Sql) generation).usage().latencyMs())));
        JsonNode body = JSON.readTree(this.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getFirst()
                .getBodyAsString());
        assertThat(body.get("model").asString()).isEqualTo("qwen2.5-coder:7b");
        assertThat(body.get("tool_choice").asString()).isEqualTo("required");
        assertThat(body.get("tools")).extracting((tool) -> tool.at("/function/name").asString())
                .containsExactly("answer_with_sql", "cannot_answer", "ask_clarification");
        assertThat(body.at("/tools/0/function/parameters/required").toString()).contains("sql");
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asString()).contains("CREATE TABLE orders ( -- Customer orders", "The SQL runs on DuckDB");
        assertThat(body.at("/messages/1/content").asString()).isEqualTo("Question: How many orders?");
        assertThat(this.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getFirst()
                .getHeader("Authorization")).isEqualTo("Bearer sk-test");
    }

    @Test
    void theSemanticModelsDefinitionsAndTheMostSimilarVerifiedPairReachTheSystemPrompt() throws Exception {
        replies(toolCall("answer_with_sql", "{\"sql\": \"SELECT 1\", \"explanation\": \"One.\", "
                + "\"tables_used\": [\"orders\"], \"confidence\": 0.8}"));

        this.generator.generate(new GenerationRequest("How many shipped orders were there in 2025?", SemanticFixture.SCHEMA,
                20, "duckdb").withModel(SemanticFixture.SALES));

        JsonNode body = JSON.readTree(this.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getFirst()
                .getBodyAsString());
        assertThat(body.at("/messages/0/content").asString()).contains(SemanticFixture.PROMPT_LINES)
                .doesNotContain(SemanticFixture.UNLIKE_QUESTION);
    }

    @Test
    void rateLimitsAreRetriedAndMalformedArgumentsAskedForAgain() throws Exception {
        replies(aResponse().withStatus(429).withBody("{\"error\": {\"message\": \"slow down\"}}"),
                toolCall("answer_with_sql", "{\"sql\": 42}"),
                toolCall("cannot_answer", "{\"reason\": \"No such data.\"}"));

        Generation generation = this.generator.generate(new GenerationRequest("Revenue target?", SCHEMA, 20, "duckdb"));

        assertThat(generation).isInstanceOfSatisfying(Generation.CannotAnswer.class,
                (cannot) -> assertThat(cannot.reason()).isEqualTo("No such data."));
        assertThat(this.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(3);
    }

    @Test
    void aRefusedKeyIsAClearErrorAndNotRetried() {
        replies(aResponse().withStatus(401).withBody("{\"error\": {\"message\": \"invalid api key\"}}"));

        assertThatThrownBy(() -> this.generator.generate(new GenerationRequest("How many orders?", SCHEMA, 20, "duckdb")))
                .isInstanceOfSatisfying(GenerationException.class, (ex) -> {
                    assertThat(ex.code()).isEqualTo("MODEL_ACCESS_DENIED");
                    assertThat(ex.getMessage()).doesNotContain("sk-test");
                });
        assertThat(this.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(1);
    }

    /** Serves the replies in order, one per request. */
    private void replies(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... replies) {
        for (int i = 0; i < replies.length; i++) {
            this.server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("replies")
                    .whenScenarioStateIs((i == 0) ? Scenario.STARTED : "reply-" + i)
                    .willSetStateTo("reply-" + (i + 1)).willReturn(replies[i].withHeader("Content-Type", "application/json")));
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder toolCall(String name, String arguments) {
        var response = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1764064800)
                .put("model", "qwen2.5-coder:7b");
        var choice = response.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls");
        var message = choice.putObject("message").put("role", "assistant");
        message.putNull("content");
        message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function").putObject("function")
                .put("name", name).put("arguments", arguments);
        response.putObject("usage").put("prompt_tokens", 321).put("completion_tokens", 45).put("total_tokens", 366);
        return aResponse().withStatus(200).withBody(response.toString());
    }
}
