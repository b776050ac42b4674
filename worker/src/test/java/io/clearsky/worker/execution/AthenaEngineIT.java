package io.clearsky.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.clearsky.core.aws.AthenaStub;
import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.aws.AwsProperties;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.schemas.avro.ResultColumn;
import io.clearsky.worker.config.AthenaProperties;
import io.clearsky.worker.execution.EngineException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;

/**
 * The Athena engine through the real SDK against a wire-level Athena stub that runs the SQL in DuckDB.
 */
class AthenaEngineIT {

    private static DuckDbLake lake;

    private static AthenaStub athena;

    private static AthenaAsyncClient client;

    private final AtomicReference<ChatbotConfig.Athena> settings = new AtomicReference<>(
            new ChatbotConfig.Athena("primary", "main", "AwsDataCatalog", "s3://athena-output/results/", 30));

    private final AthenaEngine engine = new AthenaEngine(client, this.settings::get,
            new AthenaProperties(5.0, Duration.ofMillis(20), Duration.ofMillis(100)));

    @BeforeAll
    static void start() throws Exception {
        Path file = Files.createTempDirectory("clearsky-athena-engine").resolve("lake.duckdb");
        DemoLake.createIfMissing(file, 100);
        lake = DuckDbLake.open(file, "main");
        athena = AthenaStub.start(lake, null);
        MockEnvironment environment = new MockEnvironment().withProperty("AWS_ACCESS_KEY_ID", "test")
                .withProperty("AWS_SECRET_ACCESS_KEY", "test");
        client = new AwsClients(new AwsProperties("us-east-1", null, athena.endpoint(), null), environment).athena();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        athena.close();
        lake.close();
    }

    @BeforeEach
    void reset() {
        athena.reset();
    }

    @Test
    void athenaTypesBecomeTypedValuesAndColumns() throws Exception {
        EngineResult result = run("""
                SELECT 7::TINYINT AS small, 9000000000::BIGINT AS big, 1.5::DOUBLE AS ratio,
                       12.34::DECIMAL(10,2) AS price, true AS flag, DATE '2024-01-02' AS day,
                       TIMESTAMP '2024-01-02 03:04:05' AS at, 'text' AS label, NULL::VARCHAR AS nothing,
                       [1, 2] AS list""", 10);

        assertThat(result.columns()).extracting(ResultColumn::getType).containsExactly("integer", "integer", "double",
                "decimal", "boolean", "date", "timestamp", "string", "string", "array");
        assertThat(result.columns()).extracting(ResultColumn::getEngineType).startsWith("tinyint", "bigint", "double",
                "decimal(10,2)");
        assertThat(result.rows()).containsExactly(Arrays.asList(7L, 9_000_000_000L, 1.5, "12.34", true, "2024-01-02",
                "2024-01-02T03:04:05", "text", null, "[1, 2]"));
        assertThat(result.truncated()).isFalse();
        assertThat(result.fullResult()).isNull();
    }

    @Test
    void aLargeResultIsReadPageByPageUpToTheCapAndCountedInFull() throws Exception {
        EngineResult result = run("SELECT order_id FROM orders ORDER BY order_id", 25);

        assertThat(result.rows()).hasSize(25).first().isEqualTo(List.of(1L));
        assertThat(result.rowCount()).isEqualTo(100);
        assertThat(result.truncated()).isTrue();
        String executionId = athena.executionIds().getFirst();
        assertThat(result.fullResult()).isEqualTo(new FullResult.S3Object("athena-output", "results/" + executionId + ".csv"));
    }

    @Test
    void aResultAboveTheLargeResultThresholdIsKeptInFullEvenWhenTheAnswerShowsItAll() throws Exception {
        EngineResult result = run("SELECT order_id FROM orders ORDER BY order_id", 1000, 50);

        assertThat(result.rows()).hasSize(100);
        assertThat(result.truncated()).isFalse();
        assertThat(result.fullResult()).isInstanceOf(FullResult.S3Object.class);
    }

    @Test
    void statisticsCarryScannedBytesTimesAndTheEstimatedCost() throws Exception {
        EngineResult result = run("SELECT count(*) FROM orders", 10);

        assertThat(result.statistics().getEngine()).isEqualTo("athena");
        assertThat(result.statistics().getExecutionId()).isEqualTo(athena.executionIds().getFirst());
        assertThat(result.statistics().getDataScannedBytes()).isEqualTo(123_456_789L);
        assertThat(result.statistics().getEngineExecutionMs()).isEqualTo(420L);
        assertThat(result.statistics().getQueueMs()).isEqualTo(17L);
        assertThat(result.statistics().getEstimatedCostUsd()).isCloseTo(123_456_789 / Math.pow(1024, 4) * 5.0, within(1e-12));
    }

    @Test
    void startingTheSameQueryAndAttemptAgainFindsTheFirstExecution() throws Exception {
        EngineQuery query = new EngineQuery("q-" + UUID.randomUUID(), 1, "SELECT count(*) FROM customers", "main", 10, 10);

        this.engine.execute(query, (stop) -> { });
        this.engine.execute(query, (stop) -> { });
        this.engine.execute(new EngineQuery(query.queryId(), 2, query.sql(), "main", 10, 10), (stop) -> { });

        assertThat(athena.calls("StartQueryExecution")).hasSize(3);
        assertThat(athena.executionIds()).hasSize(2);
        assertThat(athena.calls("StartQueryExecution").getFirst().getBodyAsString())
                .contains("\"ClientRequestToken\":\"" + AthenaEngine.requestToken(query) + "\"");
    }

    @Test
    void throttlingIsRetriedWithBackoff() throws Exception {
        athena.throttleNext(2);

        EngineResult result = run("SELECT count(*) FROM customers", 10);

        assertThat(result.rows()).hasSize(1);
        assertThat(athena.calls("StartQueryExecution")).hasSize(3);
    }

    @Test
    void aFailedQueryIsClassifiedFromItsStateChangeReason() {
        athena.failNextWith("COLUMN_NOT_FOUND: line 1:8: Column 'nme' cannot be resolved or requester is not authorized");

        assertThatThrownBy(() -> run("SELECT nme FROM customers", 10)).isInstanceOfSatisfying(EngineException.class, (ex) -> {
            assertThat(ex.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
            assertThat(ex.correctable()).isTrue();
            assertThat(ex.getMessage()).contains("Column 'nme' cannot be resolved");
        });
    }

    @Test
    void anEngineErrorFromRunningTheSqlReachesTheAsker() {
        assertThatThrownBy(() -> run("SELECT * FROM no_such_table", 10)).isInstanceOfSatisfying(EngineException.class,
                (ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNKNOWN_TABLE));
    }

    @Test
    void aQueryPastItsTimeoutIsStoppedAndEndsTimedOut() {
        athena.neverFinish(true);
        this.settings.set(new ChatbotConfig.Athena("primary", "main", "AwsDataCatalog", null, 1));

        assertThatThrownBy(() -> run("SELECT count(*) FROM orders", 10)).isInstanceOfSatisfying(EngineException.class,
                (ex) -> {
                    assertThat(ex.kind()).isEqualTo(Kind.TIMED_OUT);
                    assertThat(ex.getMessage()).contains("query_timeout_seconds");
                });
        assertThat(athena.calls("StopQueryExecution")).hasSize(1);
        assertThat(athena.state(athena.executionIds().getFirst())).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingARunningQueryStopsItOnAthena() throws Exception {
        athena.neverFinish(true);
        AtomicReference<Runnable> stop = new AtomicReference<>();
        EngineQuery query = new EngineQuery("q-" + UUID.randomUUID(), 1, "SELECT count(*) FROM orders", "main", 10, 10);
        CompletableFuture<Kind> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                this.engine.execute(query, stop::set);
                return null;
            }
            catch (EngineException ex) {
                return ex.kind();
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> stop.get() != null);
        stop.get().run();

        assertThat(outcome.get()).isEqualTo(Kind.CANCELLED);
        assertThat(athena.calls("StopQueryExecution")).hasSize(1);
    }

    @Test
    void everyCallIsSignedWithSigV4() throws Exception {
        run("SELECT 1", 10);

        assertThat(athena.calls("GetQueryExecution")).isNotEmpty().allSatisfy((call) ->
                assertThat(call.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/"));
    }

    private EngineResult run(String sql, int maxRows) throws EngineException {
        return run(sql, maxRows, maxRows);
    }

    private EngineResult run(String sql, int maxRows, int fullResultAbove) throws EngineException {
        return this.engine.execute(new EngineQuery("q-" + UUID.randomUUID(), 1, sql, "main", maxRows, fullResultAbove),
                (stop) -> { });
    }
}
