package io.clearsky.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.config.S3MockServer;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.worker.WorkerApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The original service's configuration contract end to end: both objects read from S3 (an in-process
 * S3 server) at start-up, a reload reaching a separately running worker, an invalid reload refused
 * with the old revision kept everywhere, secrets kept out of responses and logs, and CORS; the semantic
 * model of the lake read from the bucket too, served by the API, and reloaded the same way.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigReloadIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final String BUCKET = "acme-config";

    private static final String SECRET = "Sup3r-S3cret-pw";

    private static final String ORIGIN = "https://app.example";

    private static S3MockServer s3;

    private static EmbeddedBroker broker;

    private static ConfigurableApplicationContext product;

    private static ConfigurableApplicationContext worker;

    private static WebTestClient http;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("clearsky-config-it");
        Path lake = data.resolve("lake/demo.duckdb");
        DemoLake.createIfMissing(lake, 500);
        s3 = S3MockServer.start(data.resolve("s3"), BUCKET, "acme-clearsky-results");
        s3.put(BUCKET, "prod/chatbot.json", example("chatbot_config.sonnet37-inference-profile.json"));
        s3.put(BUCKET, "prod/vector_store.json", example("vector_store_config.json")
                .replace("user:password", "clearsky:" + SECRET));
        s3.put(BUCKET, "prod/semantic/main.json", resource("/semantic/main-model.json"));
        broker = EmbeddedBroker.start(data.resolve("kafka"), freePort());
        int port = freePort();
        List<String> shared = List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--clearsky.lake.duckdb-path=" + lake,
                "--clearsky.topics.partitions=2",
                "--CONFIG_BUCKET=" + BUCKET,
                "--CHATBOT_CONFIG_KEY=prod/chatbot.json",
                "--VECTORSTORE_CONFIG_KEY=prod/vector_store.json",
                "--clearsky.config.semantic-models.main=prod/semantic/main.json",
                "--AWS_REGION=us-west-2",
                "--AWS_ACCESS_KEY_ID=test",
                "--AWS_SECRET_ACCESS_KEY=test",
                "--clearsky.aws.s3-endpoint=" + s3.endpoint(),
                // The in-process S3 server brings a servlet stack and lazy beans to this class path.
                "--spring.main.lazy-initialization=false");
        product = new SpringApplicationBuilder(LocalApplication.class).run(args(shared,
                "--spring.kafka.streams.state-dir=" + data.resolve("streams"), "--server.port=" + port,
                "--server.address=127.0.0.1", "--CORS_ORIGINS=" + ORIGIN + ",https://admin.example",
                "--spring.main.web-application-type=reactive"));
        // The local distribution's application.properties is on this class path too and names it clearsky-local.
        worker = new SpringApplicationBuilder(WorkerApplication.class).run(args(shared,
                "--spring.main.web-application-type=none", "--spring.application.name=clearsky-worker"));
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
        // Both instances have joined the fleet's revision.
        await().atMost(PATIENCE).until(() -> revision(product) > 0 && revision(worker) == revision(product));
    }

    @AfterAll
    static void stop() {
        worker.close();
        product.close();
        broker.close();
        s3.close();
    }

    @Test
    @Order(1)
    void startsFromTheObjectsInS3() {
        http.get().uri("/api/config").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.app_name").isEqualTo("Acme Data Assistant")
                .jsonPath("$.version").isEqualTo("2.3.1")
                .jsonPath("$.model_name").isEqualTo("us.anthropic.claude-3-7-sonnet-20250219-v1:0")
                .jsonPath("$.features.default_max_rows").isEqualTo(200)
                .jsonPath("$.features.enable_streaming").isEqualTo(false)
                .jsonPath("$.limits.default_max_rows").isEqualTo(200)
                .jsonPath("$.limits.query_timeout_seconds").isEqualTo(120)
                .jsonPath("$.connection_string").doesNotExist();
        assertThat(rowsOf(Map.of("sql", "SELECT * FROM orders"))).isEqualTo(200);
    }

    @Test
    @Order(2)
    void healthReportsEachComponentAndDegradesOnANonEssentialOne() {
        Map<String, Object> health = http.get().uri("/api/config/health").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");

        assertThat(components.get("kafka")).containsEntry("status", "UP");
        assertThat(components.get("state_stores")).containsEntry("status", "UP");
        assertThat(components.get("config_source")).containsEntry("status", "UP");
        assertThat((String) components.get("config_source").get("message")).contains("s3://acme-config/prod/chatbot.json");
        assertThat(components.get("results_bucket")).containsEntry("status", "UP");
        // The example's store host ("host") does not exist here; retrieval is not essential to stay up.
        assertThat(components.get("vector_store")).containsEntry("status", "DOWN");
        assertThat(health.get("status")).isEqualTo("DEGRADED");
        assertThat(components.values()).allSatisfy((component) -> assertThat(component).containsKey("latency_ms"));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    @Order(3)
    void aReloadReachesTheRunningWorkerAndChangesItsNextAnswer() {
        long before = revision(product);
        s3.put(BUCKET, "prod/chatbot.json", example("chatbot_config.sonnet37-inference-profile.json")
                .replace("\"default_max_rows\": 200", "\"default_max_rows\": 7"));

        Map<String, Object> result = reload(HttpStatus.OK);

        assertThat(((Number) result.get("revision")).longValue()).isEqualTo(before + 1);
        assertThat((List<String>) result.get("changed")).containsExactly("chatbot_config.features.default_max_rows");
        List<Map<String, Object>> acknowledged = (List<Map<String, Object>>) result.get("acknowledged");
        assertThat(acknowledged).extracting((state) -> state.get("role"))
                .containsExactlyInAnyOrder("clearsky-local", "clearsky-worker");
        assertThat(acknowledged).allSatisfy((state) -> assertThat(state.get("status")).isEqualTo("APPLIED"));
        assertThat((List<?>) result.get("pending")).isEmpty();
        assertThat(worker.getBean(LiveConfig.class).get().chatbot().features().defaultMaxRows()).isEqualTo(7);
        assertThat(rowsOf(Map.of("sql", "SELECT * FROM orders"))).isEqualTo(7);

        Map<String, Object> again = reload(HttpStatus.OK);
        assertThat(again.get("revision")).isEqualTo(result.get("revision"));
        assertThat((List<?>) again.get("changed")).isEmpty();
    }

    @Test
    @Order(4)
    void anInvalidReloadIsRefusedAndTheOldRevisionStaysEverywhere() {
        long before = revision(product);
        String valid = example("chatbot_config.sonnet37-inference-profile.json")
                .replace("\"default_max_rows\": 200", "\"default_max_rows\": 7");
        s3.put(BUCKET, "prod/chatbot.json", valid.replace("\"temperature\": 0.0", "\"temperature\": 3")
                .replace("\"default_max_rows\": 7", "\"default_max_rows\": 500"));

        http.post().uri("/api/config/reload").exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].source").isEqualTo("s3://acme-config/prod/chatbot.json")
                .jsonPath("$.errors[0].field").isEqualTo("bedrock.temperature")
                .jsonPath("$.errors[0].message").isEqualTo("must be between 0 and 1 (was 3.0)")
                .jsonPath("$.detail").value((String detail) -> assertThat(detail).contains("revision " + before));

        s3.delete(BUCKET, "prod/vector_store.json");
        http.post().uri("/api/config/reload").exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[?(@.source == 's3://acme-config/prod/vector_store.json')].message")
                .isEqualTo("object not found (NoSuchKey)");

        assertThat(revision(product)).isEqualTo(before);
        assertThat(revision(worker)).isEqualTo(before);
        assertThat(rowsOf(Map.of("sql", "SELECT * FROM orders"))).isEqualTo(7);
        s3.put(BUCKET, "prod/chatbot.json", valid);
        s3.put(BUCKET, "prod/vector_store.json", example("vector_store_config.json")
                .replace("user:password", "clearsky:" + SECRET));
    }

    @Test
    @Order(5)
    void theConnectionStringPasswordAppearsInNoResponseAndNoLog(CapturedOutput output) {
        s3.put(BUCKET, "prod/vector_store.json", example("vector_store_config.json")
                .replace("user:password", "clearsky:" + SECRET).replace("\"top_k\": 10", "\"top_k\": 12"));
        Map<String, Object> result = reload(HttpStatus.OK);
        assertThat((List<String>) result.get("changed")).containsExactly("vector_store_config.top_k");

        for (String path : List.of("/api/config", "/api/config/health", "/openapi.json")) {
            String body = http.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).doesNotContain(SECRET);
        }
        assertThat(result.toString()).doesNotContain(SECRET);
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    @Order(6)
    void browsersFromAConfiguredOriginPassThePreflightAndOthersDoNot() {
        http.options().uri("/api/chat/query").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", ORIGIN)
                .expectHeader().value("Access-Control-Allow-Methods", (methods) -> assertThat(methods).contains("POST"));
        http.options().uri("/api/chat/query").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        http.get().uri("/api/config").header("Origin", ORIGIN).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", ORIGIN);
    }

    @Test
    @Order(7)
    void theLakesSemanticModelComesFromTheBucketAndTheApiTellsItsAuthoredParts() {
        http.get().uri("/api/semantic/models").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.databases[?(@.database == 'main')].authored").isEqualTo(true)
                .jsonPath("$.databases[?(@.database == 'main')].location")
                .isEqualTo("s3://acme-config/prod/semantic/main.json");
        http.get().uri("/api/semantic/models/main").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.database").isEqualTo("main")
                .jsonPath("$.authored_location").isEqualTo("s3://acme-config/prod/semantic/main.json")
                .jsonPath("$.authored.metrics[0]").isEqualTo("revenue")
                .jsonPath("$.model.metrics[0].aggregation").isEqualTo("SUM")
                .jsonPath("$.model.relationships[0].cardinality").isEqualTo("MANY_TO_ONE");
        http.get().uri("/api/semantic/models/nowhere").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.title").isEqualTo("Unknown database");
        assertThat(workerModel().metric("revenue")).isPresent();
    }

    @Test
    @Order(8)
    void anInvalidModelIsRefusedOnReloadAndTheLastGoodModelStaysEverywhere() {
        String good = resource("/semantic/main-model.json");
        long before = revision(product);
        s3.put(BUCKET, "prod/semantic/main.json", good.replace("quantity * unit_price", "quantity * list_price")
                .replace("\"to\": \"order\"", "\"to\": \"orderz\""));

        http.post().uri("/api/config/reload").exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'relationships[0].to')].message")
                .isEqualTo("names unknown entity 'orderz' (relationship 'item_order'); did you mean 'order'?")
                .jsonPath("$.errors[?(@.field == 'metrics[0].expression')].message")
                .isEqualTo("reads unknown column 'list_price' of table order_items (metric 'revenue'); did you mean 'unit_price'?")
                .jsonPath("$.errors[0].source").isEqualTo("s3://acme-config/prod/semantic/main.json");
        assertThat(revision(product)).isEqualTo(before);
        assertThat(revision(worker)).isEqualTo(before);
        http.get().uri("/api/semantic/models/main").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.model.metrics[0].expression").isEqualTo("quantity * unit_price * (1 - discount)");
        assertThat(workerModel().metric("revenue").orElseThrow().expression())
                .isEqualTo("quantity * unit_price * (1 - discount)");

        s3.put(BUCKET, "prod/semantic/main.json", good.replace("\"synonyms\": [\"sales\"]",
                "\"synonyms\": [\"sales\", \"turnover\"]"));
        Map<String, Object> result = reload(HttpStatus.OK);

        assertThat((List<String>) result.get("changed")).containsExactly("semantic_models.main.metrics");
        http.get().uri("/api/semantic/models/main").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.model.metrics[0].synonyms[1]").isEqualTo("turnover");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(workerModel().metric("revenue").orElseThrow()
                .synonyms()).containsExactly("sales", "turnover"));
    }

    private static io.clearsky.core.semantic.SemanticModel workerModel() {
        return worker.getBean(io.clearsky.core.semantic.SemanticModels.class).inEffect("main").model();
    }

    private static String resource(String name) {
        try (InputStream in = ConfigReloadIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, Object> reload(HttpStatus status) {
        return http.post().uri("/api/config/reload").exchange().expectStatus().isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
    }

    private static int rowsOf(Map<String, Object> request) {
        String id = (String) http.post().uri("/api/chat/query").bodyValue(request).exchange().expectStatus()
                .isAccepted().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody().get("query_id");
        Map<String, Object> done = await().atMost(PATIENCE).until(() -> http.get()
                .uri("/api/chat/updates?query_id={id}&wait=5", id).exchange()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody()
                .blockFirst(), (state) -> state != null && Boolean.TRUE.equals(state.get("done")));
        assertThat(done.get("status")).isEqualTo("SUCCEEDED");
        return ((List<?>) ((Map<String, Object>) done.get("answer")).get("rows")).size();
    }

    private static long revision(ConfigurableApplicationContext context) {
        return context.getBean(LiveConfig.class).revision().number();
    }

    private static String[] args(List<String> shared, String... own) {
        return java.util.stream.Stream.concat(shared.stream(), java.util.Arrays.stream(own)).toArray(String[]::new);
    }

    private static String example(String name) {
        try (InputStream in = ConfigReloadIT.class.getResourceAsStream("/config-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
