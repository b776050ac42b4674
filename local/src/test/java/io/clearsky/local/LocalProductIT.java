package io.clearsky.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearsky.core.lake.DemoLake;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.examples.ExternalSystemExample;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The whole local product over HTTP: in-process broker, gateway and worker, a question asked over
 * HTTP followed to its answer, history, streaming, and the problem details of bad requests.
 */
class LocalProductIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final int ORDERS = 3_000;

    private static EmbeddedBroker broker;

    private static ConfigurableApplicationContext product;

    private static WebTestClient http;

    private static Path lake;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("clearsky-local-it");
        lake = data.resolve("lake/demo.duckdb");
        DemoLake.createIfMissing(lake, ORDERS);
        broker = EmbeddedBroker.start(data.resolve("kafka"), freePort());
        int port = freePort();
        // Arguments, not default properties: they must outrank the gateway's packaged defaults.
        product = new SpringApplicationBuilder(LocalApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--spring.kafka.streams.state-dir=" + data.resolve("streams"),
                        "--clearsky.lake.duckdb-path=" + lake,
                        "--clearsky.topics.partitions=2",
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--clearsky.gateway.max-question-length=100",
                        // The test class path also holds a servlet stack (the in-process S3 server's).
                        "--spring.main.web-application-type=reactive");
        // A fresh connection per request. About once in ten runs a request went unanswered until the client's
        // timeout, with a Netty buffer leak logged by the server; reused keep-alive connections are the suspect.
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().keepAlive(false))).baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
        await().atMost(PATIENCE).until(() -> http.get().uri("/api/config/health").exchange().returnResult(String.class)
                .getStatus().is2xxSuccessful());
    }

    @AfterAll
    static void stop() {
        product.close();
        broker.close();
    }

    @Test
    void aCountingQuestionForAListedTableSucceedsWithTheRightCount() throws Exception {
        Map<String, Object> tables = http.get().uri("/api/schema/tables").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        List<Map<String, Object>> listed = (List<Map<String, Object>>) tables.get("tables");
        assertThat(listed).extracting((table) -> table.get("name")).contains("orders", "customers", "order_items");

        for (String table : List.of("customers", "order_items")) {
            Map<String, Object> done = askAndWait("How many " + table.replace('_', ' ') + " are there?", null);
            assertThat(done.get("status")).isEqualTo("SUCCEEDED");
            Map<String, Object> answer = (Map<String, Object>) done.get("answer");
            assertThat(answer.get("rows")).isEqualTo(List.of(List.of(Math.toIntExact(count(table)))));
        }
    }

    @Test
    void askedQuestionsAppearInTheirSessionInOrder() {
        Map<String, Object> started = askAndWait("How many orders are there?", null);
        String session = (String) started.get("session_id");
        String first = (String) started.get("query_id");
        String second = (String) askAndWait("How many orders per channel?", session).get("query_id");

        Map<String, Object> history = http.get().uri("/api/chat/history?session_id={s}", session).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        List<Map<String, Object>> queries = (List<Map<String, Object>>) history.get("queries");
        assertThat(queries).extracting((q) -> q.get("query_id")).containsExactly(first, second);
        assertThat(queries).allSatisfy((q) -> {
            assertThat(q.get("status")).isEqualTo("SUCCEEDED");
            assertThat(q.get("answer")).isNotNull();
        });
        http.get().uri("/api/chat/session/{s}", session).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.queries.length()").isEqualTo(2);
        // A user's session list is aggregated behind a repartition topic, so it catches up a moment later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/chat/history").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.sessions[?(@.session_id == '" + session + "')].question_count").isEqualTo(2));
    }

    @Test
    void aQuestionIsInItsSessionAsSoonAsItIsAccepted() {
        Map<String, Object> accepted = http.post().uri("/api/chat/query").bodyValue(Map.of("question", "How many regions are there?"))
                .exchange().expectStatus().isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        String id = (String) accepted.get("query_id");
        String session = (String) accepted.get("session_id");

        http.get().uri("/api/chat/session/{s}", session).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.queries[0].query_id").isEqualTo(id);
    }

    @Test
    void editedSqlRunsThroughTheGuardAndHostileSqlEndsRejectedWithItsReason() throws Exception {
        Map<String, Object> edited = waitUntilDone(post(Map.of("question", "Orders per status",
                "sql", "SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY status")));
        assertThat(edited.get("status")).isEqualTo("SUCCEEDED");
        assertThat((Map<String, Object>) edited.get("answer")).containsEntry("generator", "given-sql");

        Map<String, Object> hostile = waitUntilDone(post(Map.of("sql", "DROP TABLE orders")));
        assertThat(hostile.get("status")).isEqualTo("REJECTED");
        Map<String, Object> answer = (Map<String, Object>) hostile.get("answer");
        assertThat((Map<String, Object>) answer.get("error")).containsEntry("code", "GUARD_DDL");
        assertThat(count("orders")).isPositive();
    }

    @Test
    void aRunningQueryIsCancelledOnRequestAndEndsCancelledOnce() {
        // Billions of rows to join: it runs until something stops it.
        String id = post(Map.of("sql", "SELECT sum(a.quantity * b.quantity * c.quantity) AS n "
                + "FROM order_items a CROSS JOIN order_items b CROSS JOIN order_items c"));
        await().atMost(PATIENCE).until(() -> "EXECUTING".equals(state(id).get("status")));

        http.delete().uri("/api/chat/query/{id}", id).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.query_id").isEqualTo(id).jsonPath("$.status").isEqualTo("CANCELLING");

        Map<String, Object> done = waitUntilDone(id);
        assertThat(done.get("status")).isEqualTo("CANCELLED");
        assertThat((Map<String, Object>) ((Map<String, Object>) done.get("answer")).get("error"))
                .containsEntry("code", "CANCELLED");
        assertThat((List<Map<String, Object>>) done.get("events"))
                .filteredOn((event) -> List.of("SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT", "REJECTED", "DECLINED",
                        "NEEDS_CLARIFICATION").contains(event.get("status")))
                .hasSize(1);
        problem(http.delete().uri("/api/chat/query/{id}", id), HttpStatus.CONFLICT, "query_id");
        problem(http.delete().uri("/api/chat/query/{id}", "no-such-query"), HttpStatus.NOT_FOUND, "query_id");
    }

    @Test
    void aQuestionTheOfflineReaderCannotAnswerEndsDeclinedWithItsReason() {
        Map<String, Object> done = askAndWait("What is the meaning of life?", null);

        assertThat(done.get("status")).isEqualTo("DECLINED");
        Map<String, Object> answer = (Map<String, Object>) done.get("answer");
        assertThat(answer.get("status")).isEqualTo("DECLINED");
        assertThat(answer.get("sql")).isNull();
        assertThat(answer.get("error")).isNull();
        assertThat((String) answer.get("explanation")).isNotBlank();
        assertThat((List<Map<String, Object>>) done.get("events")).extracting((event) -> event.get("status"))
                .last().isEqualTo("DECLINED");
        http.get().uri("/api/semantic/models").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.databases[?(@.database == 'main')]").exists();
    }

    @Test
    void feedbackOnAnAnswerIsPublishedAndAPromotedAnswerJoinsTheModelInEffect() {
        Map<String, Object> done = askAndWait("How many customers are there?", null);
        String id = (String) done.get("query_id");
        assertThat(done.get("status")).isEqualTo("SUCCEEDED");

        http.post().uri("/api/chat/query/{id}/feedback", id).bodyValue(Map.of("rating", "down", "comment", "wrong year",
                "corrected_sql", "SELECT count(*) FROM customers WHERE year(signup_date) = 2024")).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.rating").isEqualTo("DOWN");
        io.clearsky.schemas.avro.AnswerFeedback feedback = await().atMost(PATIENCE)
                .until(() -> lastOnTopic("clearsky.feedback", id, io.clearsky.schemas.AvroSerde.answerFeedback()),
                        java.util.Objects::nonNull);
        assertThat(feedback.getRating()).isEqualTo(io.clearsky.schemas.avro.FeedbackRating.DOWN);
        assertThat(feedback.getQuestion()).isEqualTo("How many customers are there?");
        assertThat(feedback.getSql()).contains("customers");
        assertThat(feedback.getCorrectedSql()).contains("2024");
        problem(http.post().uri("/api/chat/query/{id}/feedback", id).bodyValue(Map.of("rating", "sideways")),
                HttpStatus.BAD_REQUEST, "rating");
        problem(http.post().uri("/api/chat/query/{id}/feedback", "no-such-query").bodyValue(Map.of("rating", "up")),
                HttpStatus.NOT_FOUND, "query_id");

        http.post().uri("/api/semantic/models/main/verified-questions").bodyValue(Map.of("query_id", id,
                "question", "How many customers do we have?")).exchange().expectStatus().isAccepted().expectBody()
                .jsonPath("$.question").isEqualTo("How many customers do we have?");
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/api/semantic/models/main").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.model.verifiedQueries[?(@.question == 'How many customers do we have?')].sql")
                .isEqualTo(feedback.getSql()));
        problem(http.post().uri("/api/semantic/models/nowhere/verified-questions").bodyValue(Map.of("query_id", id)),
                HttpStatus.NOT_FOUND, "database");
    }

    private static <T extends org.apache.avro.specific.SpecificRecordBase> T lastOnTopic(String topic, String key,
            io.clearsky.schemas.AvroSerde<T> serde) {
        Map<String, Object> properties = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class,
                "value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(properties)) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map((info) -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            T found = null;
            for (var record : consumer.poll(Duration.ofSeconds(2))) {
                if (key.equals(record.key())) {
                    found = serde.deserialize(topic, record.value());
                }
            }
            return found;
        }
    }

    @Test
    void aResultLargerThanTheAnswerIsKeptInFullBehindItsLocation() throws Exception {
        Map<String, Object> done = waitUntilDone(post(Map.of("sql", "SELECT order_id, status FROM orders ORDER BY order_id",
                "options", Map.of("max_rows", 10))));

        Map<String, Object> answer = (Map<String, Object>) done.get("answer");
        assertThat((List<?>) answer.get("rows")).hasSize(10);
        assertThat(answer).containsEntry("row_count", ORDERS).containsEntry("truncated", true);
        assertThat((Map<String, Object>) answer.get("statistics")).containsEntry("engine", "duckdb");
        List<String> lines = Files.readAllLines(Path.of(URI.create((String) answer.get("result_location"))));
        assertThat(lines).hasSize(ORDERS + 1);
        assertThat(lines.get(0)).isEqualTo("order_id,status");
        assertThat(lines.get(1)).startsWith("1,");
    }

    @Test
    void theSchemaEndpointsDescribeTheLakeSearchItAndSuggestNames() {
        http.get().uri("/api/schema/databases").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.databases[0]").isEqualTo("main").jsonPath("$.default_database").isEqualTo("main");
        http.get().uri("/api/schema/table/ORDERS").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("orders")
                .jsonPath("$.comment").isEqualTo("Customer orders, one row per order")
                .jsonPath("$.columns[0].name").isEqualTo("order_id")
                .jsonPath("$.columns[4].name").isEqualTo("status").jsonPath("$.columns[4].samples").isNotEmpty();
        http.get().uri("/api/schema/table/ordrs").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.field").isEqualTo("name").jsonPath("$.suggestions[0]").isEqualTo("orders");
        http.get().uri("/api/schema/search?q={q}&top_k=3", "products in each category").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.results.length()").isEqualTo(3)
                .jsonPath("$.results[0].table").isEqualTo("products")
                .jsonPath("$.results[0].matched").isNotEmpty();
        problem(http.get().uri("/api/schema/search?q="), HttpStatus.BAD_REQUEST, "q");
        problem(http.get().uri("/api/schema/search?q={q}", "x".repeat(501)), HttpStatus.BAD_REQUEST, "q");
        problem(http.get().uri("/api/schema/search?q=orders&top_k=0"), HttpStatus.BAD_REQUEST, "top_k");
    }

    @Test
    void theStreamSendsEveryStatusThenTheAnswer() {
        String id = ask("List 3 products", null);

        List<ServerSentEvent<String>> events = http.get().uri("/api/chat/updates?query_id={id}", id)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody()
                .filter((event) -> event.event() != null).collectList().block(PATIENCE);

        assertThat(events).extracting(ServerSentEvent::event).last().isEqualTo("answer");
        assertThat(events).extracting(ServerSentEvent::id).filteredOn((seq) -> seq != null)
                .containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(events.get(events.size() - 1).data()).contains("\"row_count\":3");
    }

    @Test
    void aQuestionPublishedByAnotherSystemIsTrackedAndAnsweredOnTheAnswersTopic() {
        String id = ExternalSystemExample.publish(broker.bootstrapServers(), "How many regions are there?",
                "slack-" + UUID.randomUUID(), "bot");

        QueryAnswer answer = ExternalSystemExample.awaitAnswer(broker.bootstrapServers(), id, PATIENCE);
        assertThat(answer.getStatus()).isEqualTo(QueryStatus.SUCCEEDED);
        assertThat(answer.getRows()).containsExactly(List.of(8L));

        Map<String, Object> done = waitUntilDone(id);
        assertThat(done.get("question")).isEqualTo("How many regions are there?");
        assertThat((List<Map<String, Object>>) done.get("events")).first()
                .satisfies((event) -> assertThat(event.get("status")).isEqualTo("QUEUED"));
    }

    @Test
    void badRequestsAreProblemDetailsNamingTheField() {
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"question\": \"\"}"),
                HttpStatus.BAD_REQUEST, "question");
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\": \"" + "x".repeat(101) + "\"}"), HttpStatus.CONTENT_TOO_LARGE, "question");
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"question\": "),
                HttpStatus.BAD_REQUEST, "body");
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\": \"How many orders?\", \"options\": {\"max_rows\": \"many\"}}"),
                HttpStatus.BAD_REQUEST, "options.max_rows");
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\": \"How many orders?\", \"options\": {\"max_rows\": 0}}"),
                HttpStatus.BAD_REQUEST, "options.max_rows");
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\": \"How many orders?\", \"options\": {\"database\": \"x; DROP\"}}"),
                HttpStatus.BAD_REQUEST, "options.database");
        problem(http.post().uri("/api/chat/query").header("X-User-Id", "not a valid id").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\": \"How many orders?\"}"), HttpStatus.BAD_REQUEST, "X-User-Id");
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\": \"How many orders?\", \"session_id\": \"../etc\"}"),
                HttpStatus.BAD_REQUEST, "session_id");
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"sql\": \" \"}"),
                HttpStatus.BAD_REQUEST, "question");
        problem(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sql", "SELECT 1 " + "-".repeat(20_001))), HttpStatus.CONTENT_TOO_LARGE, "sql");
        problem(http.get().uri("/api/chat/updates"), HttpStatus.BAD_REQUEST, "query_id");
        problem(http.get().uri("/api/chat/updates?query_id=x&since=abc"), HttpStatus.BAD_REQUEST, "since");
        problem(http.get().uri("/api/chat/updates?query_id=unknown-query"), HttpStatus.NOT_FOUND, "query_id");
        problem(http.get().uri("/api/chat/session/unknown-session"), HttpStatus.NOT_FOUND, "session_id");
    }

    @Test
    void theApiIsDocumented() {
        http.get().uri("/openapi.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/chat/query'].post").exists()
                .jsonPath("$.paths['/api/chat/updates'].get").exists();
        http.get().uri("/redoc").exchange().expectStatus().isOk().expectBody(String.class)
                .value((page) -> assertThat(page).contains("redoc.standalone.js"));
        http.get().uri("/docs").exchange().expectStatus().is3xxRedirection();
    }

    private static void problem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String field) {
        request.exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status.value()).jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.trace").doesNotExist();
    }

    private static String ask(String question, String session) {
        return post((session != null) ? Map.of("question", question, "session_id", session) : Map.of("question", question));
    }

    private static String post(Map<String, Object> body) {
        return (String) http.post().uri("/api/chat/query").bodyValue(body).exchange().expectStatus().isAccepted()
                .expectHeader().exists("Location")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody()
                .get("query_id");
    }

    private static Map<String, Object> askAndWait(String question, String session) {
        return waitUntilDone(ask(question, session));
    }

    private static Map<String, Object> waitUntilDone(String id) {
        return await().atMost(PATIENCE).until(() -> http.get()
                .uri("/api/chat/updates?query_id={id}&wait=5", id).exchange()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody()
                .blockFirst(), (state) -> state != null && Boolean.TRUE.equals(state.get("done")));
    }

    private static Map<String, Object> state(String id) {
        return http.get().uri("/api/chat/updates?query_id={id}", id).exchange()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody().blockFirst();
    }

    private static long count(String table) throws Exception {
        try (DuckDbLake opened = DuckDbLake.open(lake, "main"); Connection connection = opened.connect();
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
