package io.clearsky.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearsky.core.aws.AthenaStub;
import io.clearsky.core.config.S3MockServer;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.worker.control.Cancellations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A worker configured for Athena, against a real in-process broker, a wire-level Athena stub that runs
 * the SQL in DuckDB, and an in-process S3 server holding Athena's output and the results bucket.
 */
class AthenaWorkerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final int ORDERS = 200;

    private static final String CHATBOT_CONFIG = """
            {
              "athena": {"workgroup": "primary", "database": "main", "catalog": "AwsDataCatalog",
                         "output_location_s3": "s3://athena-output/results/", "query_timeout_seconds": 60},
              "s3": {"results_bucket": "clearsky-results", "results_prefix": "answers/", "presigned_url_expiry": 600},
              "features": {"default_max_rows": 10}
            }""";

    private static EmbeddedKafkaKraftBroker broker;

    private static DuckDbLake lake;

    private static S3MockServer s3;

    private static AthenaStub athena;

    private static QueryTopics topics;

    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("clearsky-athena-worker");
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        DemoLake.createIfMissing(data.resolve("lake.duckdb"), ORDERS);
        lake = DuckDbLake.open(data.resolve("lake.duckdb"), "main");
        s3 = S3MockServer.start(Files.createDirectories(data.resolve("s3")), "athena-output", "clearsky-results");
        athena = AthenaStub.start(lake, s3.client());
        Path config = Files.writeString(data.resolve("chatbot_config.json"), CHATBOT_CONFIG);
        topics = new QueryTopics(broker.getBrokersAsString());
        worker = new SpringApplicationBuilder(WorkerApplication.class).web(WebApplicationType.NONE)
                // Arguments, not default properties: they must outrank the mapped original environment.
                .run("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--clearsky.lake.engine=athena",
                        "--clearsky.config.chatbot-key=" + config,
                        "--clearsky.aws.region=us-east-1",
                        "--clearsky.aws.athena-endpoint=" + athena.endpoint(),
                        "--clearsky.aws.s3-endpoint=" + s3.endpoint(),
                        "--clearsky.athena.first-poll=20ms",
                        "--clearsky.athena.max-poll=200ms",
                        "--AWS_ACCESS_KEY_ID=test",
                        "--AWS_SECRET_ACCESS_KEY=test",
                        "--clearsky.topics.partitions=1",
                        "--clearsky.worker.shutdown-grace=5s");
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        topics.close();
        athena.close();
        s3.close();
        lake.close();
        broker.destroy();
    }

    @BeforeEach
    void reset() {
        athena.reset();
    }

    @Test
    void aLargeResultIsCopiedToTheResultsBucketBehindAPresignedLink() throws Exception {
        QueryAnswer answer = answer(topics.send(QueryTopics.sql("SELECT order_id, status FROM orders ORDER BY order_id")));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.SUCCEEDED);
        assertThat(answer.getRows()).hasSize(10).first().satisfies((row) -> assertThat(row.getFirst()).isEqualTo(1L));
        assertThat(answer.getRowCount()).isEqualTo(ORDERS);
        assertThat(answer.getTruncated()).isTrue();
        assertThat(answer.getStatistics().getEngine()).isEqualTo("athena");
        assertThat(answer.getStatistics().getDataScannedBytes()).isPositive();
        assertThat(answer.getStatistics().getEstimatedCostUsd()).isPositive();
        await().atMost(Duration.ofSeconds(60)).until(() -> !topics.audits(answer.getQueryId()).isEmpty());
        assertThat(topics.audits(answer.getQueryId())).singleElement().satisfies((audit) -> {
            assertThat(audit.getBytesScanned()).isEqualTo(answer.getStatistics().getDataScannedBytes());
            assertThat(audit.getTables()).containsExactly("main.orders");
        });
        assertThat(answer.getResultLocation()).startsWith(s3.endpoint() + "/clearsky-results/answers/" + answer.getQueryId() + ".csv?")
                .contains("X-Amz-Signature=").contains("X-Amz-Expires=600");

        HttpResponse<String> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(answer.getResultLocation())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        List<String> lines = download.body().lines().toList();
        assertThat(lines).hasSize(ORDERS + 1);
        assertThat(lines.getFirst()).isEqualTo("\"order_id\",\"status\"");
        assertThat(lines.get(1)).startsWith("\"1\",");
    }

    @Test
    void aRedeliveredQuestionStartsNoSecondAthenaQuery() {
        QuestionSubmitted question = QueryTopics.sql("SELECT count(*) AS n FROM customers");
        String id = topics.send(question);
        answer(id);

        byte[] again = AvroSerde.questionSubmitted().serialize(Topics.QUESTIONS, question);
        topics.sendRecord(Topics.QUESTIONS, id, again);
        String marker = topics.send(QueryTopics.sql("SELECT 1 AS marker"));
        answer(marker);

        assertThat(topics.answers(id)).hasSize(1);
        assertThat(athena.calls("StartQueryExecution"))
                .filteredOn((call) -> call.getBodyAsString().contains("FROM customers")).hasSize(1);
    }

    @Test
    void aCancelRequestStopsTheRunningAthenaQueryAndEndsItCancelled() {
        athena.neverFinish(true);
        String id = topics.send(QueryTopics.sql("SELECT count(*) FROM orders"));
        await().atMost(PATIENCE).until(() -> !athena.executionIds().isEmpty());

        topics.cancel(id);

        QueryAnswer answer = answer(id);
        assertThat(answer.getStatus()).isEqualTo(QueryStatus.CANCELLED);
        assertThat(answer.getError().getCode()).isEqualTo("CANCELLED");
        await().atMost(PATIENCE).until(() -> !athena.calls("StopQueryExecution").isEmpty());
        assertThat(athena.state(athena.executionIds().getFirst())).isEqualTo("CANCELLED");
        assertThat(topics.events(id)).filteredOn((event) -> event.getStatus() == QueryStatus.CANCELLED).hasSize(1);
    }

    @Test
    void aQuestionCancelledBeforeItRunsNeverReachesAthena() {
        QuestionSubmitted question = QueryTopics.sql("SELECT count(*) FROM products");
        topics.cancel(question.getQueryId());
        await().atMost(PATIENCE).until(() -> worker.getBean(Cancellations.class).requested(question.getQueryId()));

        QueryAnswer answer = answer(topics.send(question));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.CANCELLED);
        assertThat(athena.calls("StartQueryExecution")).isEmpty();
    }

    @Test
    void aFailedAthenaQueryEndsFailedWithItsClassifiedReason() {
        athena.failNextWith("COLUMN_NOT_FOUND: line 1:8: Column 'nme' cannot be resolved");

        QueryAnswer answer = answer(topics.send(QueryTopics.sql("SELECT name FROM products")));

        assertThat(answer.getStatus()).isEqualTo(QueryStatus.FAILED);
        assertThat(answer.getError().getCode()).isEqualTo("ENGINE_UNKNOWN_COLUMN");
        assertThat(answer.getError().getMessage()).contains("Column 'nme' cannot be resolved");
        assertThat(topics.events(answer.getQueryId())).extracting(QueryEvent::getStatus).containsExactly(
                QueryStatus.VALIDATING, QueryStatus.EXECUTING, QueryStatus.FAILED);
    }

    private static QueryAnswer answer(String id) {
        await().atMost(PATIENCE).until(() -> !topics.answers(id).isEmpty());
        return topics.answers(id).getFirst();
    }
}
