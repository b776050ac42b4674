package io.clearsky.worker;

import static io.clearsky.worker.generation.bedrock.BedrockStub.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearsky.core.lake.DemoLake;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.worker.generation.bedrock.BedrockStub;
import io.clearsky.worker.generation.bedrock.BedrockStub.Failure;
import io.clearsky.worker.generation.bedrock.BedrockStub.ToolCall;
import io.clearsky.worker.session.SessionMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A worker writing SQL with Bedrock (a wire-level Converse stub) over the DuckDB demo lake, through a
 * real in-process broker: self-correction, follow-ups, refusals, questions back, an unavailable model, and
 * the semantic model of the lake ({@code semantic/demo-lake.json}, a local file) in the prompt.
 */
class BedrockWorkerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static EmbeddedKafkaKraftBroker broker;

    private static BedrockStub bedrock;

    private static QueryTopics topics;

    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        Path lake = Files.createTempDirectory("clearsky-bedrock-worker").resolve("lake.duckdb");
        DemoLake.createIfMissing(lake, 500);
        bedrock = BedrockStub.start();
        topics = new QueryTopics(broker.getBrokersAsString());
        Path model = lake.resolveSibling("demo-lake.json");
        try (var in = BedrockWorkerIT.class.getResourceAsStream("/semantic/demo-lake.json")) {
            Files.write(model, in.readAllBytes());
        }
        worker = new SpringApplicationBuilder(WorkerApplication.class).web(WebApplicationType.NONE)
                // Arguments, not default properties: they must outrank the mapped original environment.
                .run("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--clearsky.lake.duckdb-path=" + lake,
                        "--clearsky.generation.generator=bedrock",
                        "--clearsky.aws.region=us-east-1",
                        "--clearsky.aws.bedrock-endpoint=" + bedrock.endpoint(),
                        "--clearsky.generation.bedrock.max-retries=1",
                        "--clearsky.generation.bedrock.base-backoff=10ms",
                        "--AWS_ACCESS_KEY_ID=test",
                        "--AWS_SECRET_ACCESS_KEY=test",
                        "--clearsky.topics.partitions=1",
                        "--clearsky.config.semantic-models.main=" + model,
                        "--clearsky.worker.shutdown-grace=5s");
    }

    @AfterAll
    static void stop() {
        worker.close();
        topics.close();
        bedrock.close();
        broker.destroy();
    }

    @BeforeEach
    void reset() {
        bedrock.reset();
    }

    @Test
    void sqlTheGuardRejectsIsCorrectedByTheModelAndTheSecondAttemptSucceeds() {
        bedrock.reply(answer("SELECT count(*) AS n FROM orders; DROP TABLE orders", "Counts orders."),
                answer("SELECT count(*) AS n FROM orders", "Counts the orders."));

        QueryAnswer answer = awaitAnswer(topics.send(QueryTopics.question("How many orders are there?")));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.SUCCEEDED);
        assertThat(answer.getRows()).containsExactly(List.of(500L));
        assertThat(answer.getGenerator()).isEqualTo("bedrock");
        assertThat(answer.getGeneration().getAttempts()).isEqualTo(2);
        assertThat(answer.getGeneration().getModelCalls()).isEqualTo(2);
        assertThat(answer.getGeneration().getInputTokens()).isEqualTo(2600);
        assertThat(answer.getGeneration().getOutputTokens()).isEqualTo(180);
        assertThat(answer.getExplanation()).isEqualTo("Counts the orders.");
        assertThat(topics.events(answer.getQueryId())).extracting(QueryEvent::getMessage)
                .anySatisfy((message) -> assertThat(message).startsWith("Attempt 2: correcting the SQL after: The guard rejected it"));
        assertThat(bedrock.bodies().get(1).at("/messages/0/content/0/text").asString())
                .contains("SQL: SELECT count(*) AS n FROM orders; DROP TABLE orders", "Error: The guard rejected it");
    }

    @Test
    void anEngineErrorGoesBackToTheModelWithTheEnginesMessage() {
        bedrock.reply(answer("SELECT count(*) AS n FROM orders WHERE order_date = 5", "Counts orders on day 5."),
                answer("SELECT count(*) AS n FROM orders WHERE day(order_date) = 5", "Counts orders placed on the 5th."));

        QueryAnswer answer = awaitAnswer(topics.send(QueryTopics.question("How many orders were placed on the 5th?")));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.SUCCEEDED);
        assertThat(answer.getSql()).contains("day(order_date) = 5");
        assertThat(answer.getGeneration().getAttempts()).isEqualTo(2);
        assertThat(bedrock.bodies().get(1).at("/messages/0/content/0/text").asString())
                .contains("Error: The engine failed it: Conversion Error");
    }

    @Test
    void aFollowUpSeesTheEarlierQuestionAndItsSqlOfTheSameSession() {
        bedrock.reply(answer("SELECT status, count(*) AS n FROM orders GROUP BY status", "Orders per status."),
                answer("SELECT status, count(*) AS n FROM orders WHERE year(order_date) = 2024 GROUP BY status",
                        "Orders per status in 2024."));
        QuestionSubmitted first = QueryTopics.question("How many orders per status?");
        awaitAnswer(topics.send(first));
        await().atMost(PATIENCE).until(() -> !worker.getBean(SessionMemory.class).turns(first.getSessionId()).isEmpty());

        QuestionSubmitted followUp = QueryTopics.question("now only for 2024");
        followUp.setSessionId(first.getSessionId());
        QueryAnswer answer = awaitAnswer(topics.send(followUp));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.SUCCEEDED);
        assertThat(bedrock.bodies().get(1).at("/system/0/text").asString()).contains("Q: How many orders per status?",
                "SQL: SELECT status, count(*) AS n FROM orders GROUP BY status");
    }

    @Test
    void aRefusalEndsTheQueryDeclinedWithTheModelsReasonNotAsAnError() {
        bedrock.reply(new ToolCall("cannot_answer",
                "{\"reason\": \"No table holds revenue targets.\", \"clarifying_question\": \"Do you mean actual revenue?\"}"));

        QueryAnswer answer = awaitAnswer(topics.send(QueryTopics.question("Did we hit the revenue target?")));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.DECLINED);
        assertThat(topics.events(answer.getQueryId())).extracting(QueryEvent::getStatus).last()
                .isEqualTo(QueryStatus.DECLINED);
        assertThat(answer.getError()).isNull();
        assertThat(answer.getSql()).isNull();
        assertThat(answer.getExplanation()).isEqualTo("No table holds revenue targets.");
        assertThat(answer.getGeneration().getClarifyingQuestion()).isEqualTo("Do you mean actual revenue?");
    }

    @Test
    void aQuestionBackEndsTheQueryNeedingClarificationWithTheChoices() {
        bedrock.reply(new ToolCall("ask_clarification", "{\"reason\": \"'region' may be the customer's or the rep's.\", "
                + "\"clarifying_question\": \"Which region do you mean?\", "
                + "\"choices\": [\"The customer's region\", \"The sales rep's region\"]}"));

        QueryAnswer answer = awaitAnswer(topics.send(QueryTopics.question("Revenue by region")));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.NEEDS_CLARIFICATION);
        assertThat(answer.getError()).isNull();
        assertThat(answer.getSql()).isNull();
        assertThat(answer.getExplanation()).isEqualTo("'region' may be the customer's or the rep's.");
        assertThat(answer.getGeneration().getClarifyingQuestion()).isEqualTo("Which region do you mean?");
        assertThat(answer.getGeneration().getChoices()).containsExactly("The customer's region", "The sales rep's region");
        assertThat(topics.events(answer.getQueryId())).filteredOn((event) -> event.getStatus() == QueryStatus.NEEDS_CLARIFICATION)
                .singleElement().satisfies((event) -> assertThat(event.getMessage()).isEqualTo("Which region do you mean?"));
    }

    @Test
    void theLakesSemanticModelReachesThePromptAsBindingDefinitions() {
        bedrock.reply(answer("SELECT SUM(quantity * unit_price * (1 - discount)) AS revenue FROM order_items",
                "Revenue."));

        QueryAnswer answer = awaitAnswer(topics.send(QueryTopics.question("What was the revenue in 2023?")));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.SUCCEEDED);
        String system = bedrock.bodies().getFirst().at("/system/0/text").asString();
        assertThat(system).contains("They are binding",
                "- revenue (also: sales, turnover) = SUM(quantity * unit_price * (1 - discount)) over order_items WHERE "
                        + "orders.status NOT IN ('cancelled', 'returned'); dates and periods apply to time dimension order_date",
                "- Revenue never includes cancelled or returned orders.",
                "Q: What was the revenue in 2024?\nSQL: SELECT SUM(i.quantity * i.unit_price * (1 - i.discount)) AS revenue");
    }

    @Test
    void anUnavailableModelEndsTheQueryFailedOnceWithAClearMessage() {
        bedrock.reply(new Failure(503, "ServiceUnavailableException", "down"), new Failure(503, "ServiceUnavailableException", "down"));

        QueryAnswer answer = awaitAnswer(topics.send(QueryTopics.question("How many customers are there?")));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.FAILED);
        assertThat(answer.getError().getCode()).isEqualTo("MODEL_UNAVAILABLE");
        assertThat(answer.getError().getMessage()).isEqualTo("Bedrock did not answer after 2 attempts (throttled, unavailable or unreachable). Try again shortly.");
        assertThat(answer.getError().getRetryable()).isTrue();
        assertThat(topics.events(answer.getQueryId())).filteredOn((event) -> event.getStatus() == QueryStatus.FAILED).hasSize(1);
    }

    private static QueryAnswer awaitAnswer(String id) {
        await().atMost(PATIENCE).until(() -> !topics.answers(id).isEmpty());
        return topics.answers(id).getFirst();
    }
}
