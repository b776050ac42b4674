package io.clearsky.worker.generation.bedrock;

import io.clearsky.worker.generation.SemanticFixture;

import static io.clearsky.worker.generation.bedrock.BedrockStub.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationException;
import io.clearsky.worker.generation.GenerationProperties;
import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.GenerationRequest.Correction;
import io.clearsky.worker.generation.GenerationRequest.Turn;
import io.clearsky.worker.generation.ModelCalls;
import io.clearsky.worker.generation.ModelUsage;
import io.clearsky.worker.generation.bedrock.BedrockStub.Failure;
import io.clearsky.worker.generation.bedrock.BedrockStub.Text;
import io.clearsky.worker.generation.bedrock.BedrockStub.ToolCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import tools.jackson.databind.JsonNode;
import io.clearsky.worker.retrieval.SchemaContext;

/**
 * The Bedrock generator through the real SDK against a wire-level Converse stub: what goes out on the
 * wire, and each kind of reply that can come back.
 */
class BedrockSqlGeneratorIT {

    private static final SchemaContext SCHEMA = new SchemaContext("sales", List.of(new TableInfo("sales", "orders",
            "Customer orders, one row per order", List.of(new ColumnInfo("order_id", "integer", null, false),
                    new ColumnInfo("status", "varchar", "where the order is", false, List.of("shipped", "pending"), false),
                    new ColumnInfo("dt", "string", "load date", true)), 100L)));

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private static BedrockStub bedrock;

    private static BedrockRuntimeAsyncClient client;

    private final AtomicReference<ChatbotConfig> config = new AtomicReference<>(config("anthropic.claude-3-5-sonnet-20241022-v2:0", false));

    private BedrockSqlGenerator generator;

    @BeforeAll
    static void start() {
        bedrock = BedrockStub.start();
        client = BedrockRuntimeAsyncClient.builder().endpointOverride(bedrock.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .overrideConfiguration((c) -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        bedrock.close();
    }

    @BeforeEach
    void setUp() {
        this.generator = generator(new GenerationProperties.Resilience(4, 2, Duration.ofMillis(10), Duration.ofMillis(50), 3,
                Duration.ofMinutes(1)));
    }

    @AfterEach
    void reset() {
        bedrock.reset();
    }

    @Test
    void aToolAnswerBecomesStructuredSqlWithItsUsage() throws Exception {
        bedrock.reply(answer("SELECT status, count(*) FROM orders GROUP BY status", "Counts orders per status."));

        Generation generation = this.generator.generate(request("How many orders per status?"));

        assertThat(generation).isEqualTo(new Generation.Sql("SELECT status, count(*) FROM orders GROUP BY status",
                "Counts orders per status.", List.of("orders"), List.of("status values are as stored"), "bar", 0.9,
                new ModelUsage(1, 1200, 80, 850)));
    }

    @Test
    void theRequestIsSignedConverseWithTheToolsTheSchemaAndTheDialect() throws Exception {
        bedrock.reply(answer("SELECT 1", "One."));

        this.generator.generate(request("How many orders per status?"));

        var request = bedrock.requests().getFirst();
        assertThat(request.getUrl()).isEqualTo("/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse");
        assertThat(request.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-west-2/bedrock/aws4_request");
        JsonNode body = bedrock.bodies().getFirst();
        assertThat(body.at("/toolConfig/tools")).extracting((tool) -> tool.at("/toolSpec/name").asString())
                .containsExactly("answer_with_sql", "cannot_answer", "ask_clarification");
        assertThat(body.at("/toolConfig/tools/0/toolSpec/inputSchema/json/required").toString()).contains("sql", "explanation");
        assertThat(body.at("/toolConfig/toolChoice").has("any")).isTrue();
        assertThat(body.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(2048);
        assertThat(body.at("/inferenceConfig/temperature").asDouble()).isEqualTo(0.0);
        String system = body.at("/system/0/text").asString();
        assertThat(system).contains("CREATE TABLE orders ( -- Customer orders, one row per order",
                "status varchar, -- where the order is (e.g. 'shipped', 'pending')", "dt string -- (partition key) load date",
                "Amazon Athena engine version 3", "Today is 2026-11-25", "LIMIT 50");
        assertThat(body.at("/messages/0/content/0/text").asString()).isEqualTo("Question: How many orders per status?");
    }

    @Test
    void theSemanticModelsDefinitionsAndTheMostSimilarVerifiedPairReachTheSystemPrompt() throws Exception {
        bedrock.reply(answer("SELECT 1", "One."));

        this.generator.generate(request("How many shipped orders were there in 2025?").withModel(SemanticFixture.SALES));

        String system = bedrock.bodies().getFirst().at("/system/0/text").asString();
        assertThat(system).contains(SemanticFixture.PROMPT_LINES);
        assertThat(system).doesNotContain(SemanticFixture.UNLIKE_QUESTION);
    }

    @Test
    void aQuestionBackBecomesAClarificationWithItsChoices() throws Exception {
        bedrock.reply(new ToolCall("ask_clarification", "{\"reason\": \"'status' is ambiguous\", "
                + "\"clarifying_question\": \"Which status?\", \"choices\": [\"shipping status\", \"payment status\"]}"));

        Generation generation = this.generator.generate(request("orders by status"));

        assertThat(generation).isInstanceOfSatisfying(Generation.Clarification.class, (clarification) -> {
            assertThat(clarification.clarifyingQuestion()).isEqualTo("Which status?");
            assertThat(clarification.choices()).containsExactly("shipping status", "payment status");
        });
    }

    @Test
    void aCrossRegionInferenceProfileIdIsUsedAsTheModel() throws Exception {
        this.config.set(config("us.anthropic.claude-3-7-sonnet-20250219-v1:0", false));
        bedrock.reply(answer("SELECT 1", "One."));

        this.generator.generate(request("anything"));

        assertThat(bedrock.requests().getFirst().getUrl())
                .isEqualTo("/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse");
    }

    @Test
    void theSessionSoFarAndEarlierFailuresAreInThePrompt() throws Exception {
        bedrock.reply(answer("SELECT 1", "One."));
        GenerationRequest request = new GenerationRequest("now only for 2024", SCHEMA, 50, "athena",
                List.of(new Turn("Orders per status?", "SELECT status, count(*) FROM orders GROUP BY status")),
                List.of(new Correction("SELECT stat FROM orders", "The guard rejected it: unknown column stat")));

        this.generator.generate(request);

        JsonNode body = bedrock.bodies().getFirst();
        assertThat(body.at("/system/0/text").asString()).contains("Q: Orders per status?",
                "SQL: SELECT status, count(*) FROM orders GROUP BY status");
        assertThat(body.at("/messages/0/content/0/text").asString()).contains("Question: now only for 2024",
                "SQL: SELECT stat FROM orders", "Error: The guard rejected it: unknown column stat");
    }

    @Test
    void cannotAnswerIsARefusalWithAClarifyingQuestion() throws Exception {
        bedrock.reply(new ToolCall("cannot_answer", """
                {"reason": "No table holds revenue targets.", "clarifying_question": "Do you mean actual revenue?"}"""));

        assertThat(this.generator.generate(request("Did we hit the revenue target?"))).isEqualTo(new Generation.CannotAnswer(
                "No table holds revenue targets.", "Do you mean actual revenue?", new ModelUsage(1, 1200, 80, 850)));
    }

    @Test
    void malformedToolInputIsAskedForAgainAndNeverReturnedAsSql() throws Exception {
        bedrock.reply(new ToolCall("answer_with_sql", "{\"explanation\": \"no sql here\", \"confidence\": 0.5}"),
                answer("SELECT 1", "One."));

        Generation generation = this.generator.generate(request("anything"));

        assertThat(((Generation.Sql) generation).sql()).isEqualTo("SELECT 1");
        assertThat(generation.usage().calls()).isEqualTo(2);
        assertThat(bedrock.bodies().get(1).at("/messages/0/content/0/text").asString())
                .contains("Your previous reply could not be used (sql is missing or not a non-empty string)");
    }

    @Test
    void freeTextTwiceEndsWithAClearErrorAndNoSql() {
        bedrock.reply(new Text("SELECT * FROM orders"), new Text("Here you go: SELECT * FROM orders"));

        assertThatThrownBy(() -> this.generator.generate(request("anything")))
                .isInstanceOfSatisfying(GenerationException.class, (ex) -> {
                    assertThat(ex.code()).isEqualTo("MODEL_MALFORMED_ANSWER");
                    assertThat(ex.getMessage()).contains("nothing was run");
                });
    }

    @Test
    void throttlingIsRetriedWithBackoffThenSucceeds() throws Exception {
        bedrock.reply(new Failure(429, "ThrottlingException", "Too many requests, please wait before trying again."),
                new Failure(503, "ServiceUnavailableException", "Service unavailable"), answer("SELECT 1", "One."));

        assertThat(this.generator.generate(request("anything"))).isInstanceOf(Generation.Sql.class);
        assertThat(bedrock.requests()).hasSize(3);
    }

    @Test
    void aValidationErrorIsNotRetriedAndSaysWhatBedrockRefused() {
        bedrock.reply(new Failure(400, "ValidationException", "The provided model identifier is invalid."));

        assertThatThrownBy(() -> this.generator.generate(request("anything")))
                .isInstanceOfSatisfying(GenerationException.class, (ex) -> {
                    assertThat(ex.code()).isEqualTo("MODEL_REQUEST_INVALID");
                    assertThat(ex.getMessage()).isEqualTo("Bedrock refused the request: The provided model identifier is invalid.");
                    assertThat(ex.retryable()).isFalse();
                });
        assertThat(bedrock.requests()).hasSize(1);
    }

    @Test
    void whileBedrockIsDownTheBreakerFailsFastWithoutCallingIt() {
        BedrockSqlGenerator fragile = generator(new GenerationProperties.Resilience(4, 0, Duration.ofMillis(10),
                Duration.ofMillis(10), 2, Duration.ofMinutes(1)));
        bedrock.reply(new Failure(503, "ServiceUnavailableException", "down"), new Failure(503, "ServiceUnavailableException", "down"));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> fragile.generate(request("anything"))).isInstanceOfSatisfying(GenerationException.class,
                    (ex) -> assertThat(ex.code()).isEqualTo("MODEL_UNAVAILABLE"));
        }
        assertThatThrownBy(() -> fragile.generate(request("anything"))).isInstanceOfSatisfying(GenerationException.class,
                (ex) -> assertThat(ex.getMessage()).contains("stopped calling it for the next"));
        assertThat(bedrock.requests()).hasSize(2);
    }

    @Test
    void aStreamedAnswerArrivesInTheRealEventStreamFramingWithTheExplanationAsProgress() throws Exception {
        this.config.set(config("anthropic.claude-3-5-sonnet-20241022-v2:0", true));
        bedrock.reply(answer("SELECT status, count(*) FROM orders GROUP BY status",
                "Counts the orders in each status. Cancelled ones are included."));
        List<String> progress = new ArrayList<>();

        Generation generation = this.generator.generate(request("How many orders per status?"), progress::add);

        assertThat(bedrock.requests().getFirst().getUrl()).endsWith("/converse-stream");
        assertThat(generation).isEqualTo(new Generation.Sql("SELECT status, count(*) FROM orders GROUP BY status",
                "Counts the orders in each status. Cancelled ones are included.", List.of("orders"),
                List.of("status values are as stored"), "bar", 0.9, new ModelUsage(1, 1300, 90, 900)));
        assertThat(progress).containsExactly("Counts the orders in each status.",
                "Counts the orders in each status. Cancelled ones are included.");
    }

    private BedrockSqlGenerator generator(GenerationProperties.Resilience resilience) {
        return new BedrockSqlGenerator(client, this.config::get, new ModelCalls("Bedrock", resilience, CLOCK), CLOCK);
    }

    private static GenerationRequest request(String question) {
        return new GenerationRequest(question, SCHEMA, 50, "athena");
    }

    private static ChatbotConfig config(String modelId, boolean streaming) {
        return new ChatbotConfig(new ChatbotConfig.Bedrock("us-west-2", modelId, null, 2048, 0.0), null, null,
                new ChatbotConfig.Features(streaming, null, null, null, null, null), null, null);
    }
}
