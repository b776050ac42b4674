package io.clearsky.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.clearsky.core.Hashing;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.AuditAction;
import io.clearsky.schemas.avro.AuditRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The product started as a deployment runs it: {@code CLEARSKY_SECURITY_MODE=oidc} with a real issuer
 * over loopback HTTP (discovery document and JWK set), an audience, the {@code groups} claim and
 * {@code CLEARSKY_ADMIN_GROUPS=admins}, plus an API key list in a file. Probes: 401 without a token
 * and for every bad token; 404 for another user's session, updates, stream, history, follow-up and
 * cancel; 403 for a non-admin reload and for a viewer's edited SQL; 200 for an admin reload; API keys
 * good, bad and revoked by a reload; 429 with Retry-After; one audit record per audited action.
 */
class SignInProductIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final String AUDIENCE = "clearsky-api";

    private static final String ORDERS_KEY = "csk_orders_4f7a0c2e9b1d46e8a3f5c7b9d1e3f5a7";

    private static final String ORDERS_KEY_NEXT = "csk_orders_next_8b2d4f6a8c0e42b4d6f8a0c2e4b6d8f0";

    private static final String LIMITED_KEY = "csk_limited_1a3c5e7b9d2f4a6c8e0b2d4f6a8c0e2b";

    private static OidcIssuer issuer;

    private static EmbeddedBroker broker;

    private static ConfigurableApplicationContext product;

    private static WebTestClient http;

    private static Path apiKeys;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("clearsky-signin-it");
        Path lake = data.resolve("lake/demo.duckdb");
        DemoLake.createIfMissing(lake, 500);
        issuer = OidcIssuer.start();
        apiKeys = data.resolve("api-keys.json");
        writeKeys(ORDERS_KEY, ORDERS_KEY_NEXT);
        broker = EmbeddedBroker.start(data.resolve("kafka"), freePort());
        int port = freePort();
        product = new SpringApplicationBuilder(LocalApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--spring.kafka.streams.state-dir=" + data.resolve("streams"),
                        "--clearsky.lake.duckdb-path=" + lake,
                        "--clearsky.topics.partitions=2",
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--CLEARSKY_SECURITY_MODE=oidc",
                        "--CLEARSKY_OIDC_ISSUER_URI=" + issuer.issuer(),
                        "--CLEARSKY_OIDC_AUDIENCE=" + AUDIENCE,
                        "--CLEARSKY_OIDC_GROUPS_CLAIM=groups",
                        "--CLEARSKY_ADMIN_GROUPS=admins",
                        "--CLEARSKY_ANALYST_GROUPS=analysts",
                        "--CLEARSKY_SECURITY_API_KEYS_KEY=" + apiKeys,
                        "--clearsky.security.policies.everyone.databases=main",
                        "--clearsky.security.policies.support.databases=main",
                        "--clearsky.security.policies.support.tables=customers,regions",
                        "--clearsky.security.default-groups=everyone",
                        "--clearsky.security.limits.api-key.burst=4",
                        "--clearsky.security.limits.api-key.requests-per-minute=1",
                        "--spring.main.web-application-type=reactive");
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().keepAlive(false)))
                .baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        await().atMost(PATIENCE).until(() -> http.get().uri("/actuator/health/readiness").exchange()
                .returnResult(String.class).getStatus().is2xxSuccessful());
    }

    @AfterAll
    static void stop() {
        product.close();
        broker.close();
        issuer.close();
    }

    // --- 401 -------------------------------------------------------------------------------------------

    @Test
    void withoutATokenEveryApiEndpointAnswers401WithAChallengeAndProblemDetails() {
        for (var request : List.of(http.get().uri("/api/chat/history"), http.get().uri("/api/chat/updates?query_id=q1"),
                http.get().uri("/api/schema/tables"), http.post().uri("/api/config/reload"))) {
            unauthorized(request, false);
        }
        unauthorized(http.post().uri("/api/chat/query").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", "How many orders are there?")), false);
    }

    @Test
    void xUserIdIsNoIdentityOutsideLocalMode() {
        unauthorized(http.get().uri("/api/chat/history").header("X-User-Id", "alice"), false);
    }

    @Test
    void everyBadTokenAnswers401WithInvalidTokenChallengeAndProblemDetails() throws Exception {
        Instant now = Instant.now();
        String valid = token("alice", List.of("analysts"));
        String[] parts = valid.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                issuer.claims("mallory", AUDIENCE, List.of("admins")).build().toString().getBytes(StandardCharsets.UTF_8));
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), issuer.claims("alice", AUDIENCE, List.of()).build());
        hmac.sign(new MACSigner("0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        Map<String, String> bad = Map.of(
                "expired", issuer.sign(issuer.claims("alice", AUDIENCE, List.of())
                        .issueTime(Date.from(now.minusSeconds(3600))).expirationTime(Date.from(now.minusSeconds(600))).build()),
                "wrong issuer", issuer.sign(issuer.claims("alice", AUDIENCE, List.of()).issuer("https://evil.example").build()),
                "wrong audience", issuer.sign(issuer.claims("alice", "another-api", List.of()).build()),
                "alg none", new PlainJWT(issuer.claims("alice", AUDIENCE, List.of("admins")).build()).serialize(),
                "tampered", parts[0] + "." + otherPayload + "." + parts[2],
                "unsigned", parts[0] + "." + parts[1] + ".",
                "garbage", "not-a-jwt-at-all",
                "hmac signed", hmac.serialize(),
                "no expiry", issuer.sign(issuer.claims("alice", AUDIENCE, List.of()).expirationTime(null).build()));
        bad.forEach((kind, token) -> {
            String body = unauthorized(http.get().uri("/api/chat/history").headers((h) -> h.setBearerAuth(token)), true);
            assertThat(body).as(kind).doesNotContain(token);
        });
    }

    // --- isolation ---------------------------------------------------------------------------------------

    @Test
    void anotherUsersSessionUpdatesStreamHistoryFollowUpAndCancelAre404LikeUnknownIds() {
        String alice = token("alice", List.of("analysts"));
        String bob = token("bob", List.of());
        // Billions of rows to join: it runs until cancelled.
        Map<String, Object> accepted = ask(alice, Map.of("sql", "SELECT sum(a.quantity * b.quantity * c.quantity) AS n "
                + "FROM order_items a CROSS JOIN order_items b CROSS JOIN order_items c"));
        String query = (String) accepted.get("query_id");
        String session = (String) accepted.get("session_id");
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/api/chat/session/{s}", session)
                .headers((h) -> h.setBearerAuth(alice)).exchange().expectStatus().isOk());

        notFound(http.get().uri("/api/chat/session/{s}", session).headers((h) -> h.setBearerAuth(bob)), "session_id");
        notFound(http.get().uri("/api/chat/history?session_id={s}", session).headers((h) -> h.setBearerAuth(bob)), "session_id");
        notFound(http.get().uri("/api/chat/updates?query_id={q}", query).headers((h) -> h.setBearerAuth(bob)), "query_id");
        notFound(http.get().uri("/api/chat/updates?query_id={q}&wait=1", query).headers((h) -> h.setBearerAuth(bob)), "query_id");
        // A stream refused before its first event is a bare 404, as for an unknown id.
        http.get().uri("/api/chat/updates?query_id={q}", query).accept(MediaType.TEXT_EVENT_STREAM)
                .headers((h) -> h.setBearerAuth(bob)).exchange().expectStatus().isNotFound();
        http.get().uri("/api/chat/updates?query_id={q}", "no-such-query").accept(MediaType.TEXT_EVENT_STREAM)
                .headers((h) -> h.setBearerAuth(bob)).exchange().expectStatus().isNotFound();
        notFound(http.post().uri("/api/chat/query").headers((h) -> h.setBearerAuth(bob)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", "How many orders are there?", "session_id", session)), "session_id");
        notFound(http.delete().uri("/api/chat/query/{q}", query).headers((h) -> h.setBearerAuth(bob)), "query_id");
        // Exactly what an unknown id gets.
        notFound(http.get().uri("/api/chat/session/{s}", "no-such-session").headers((h) -> h.setBearerAuth(bob)), "session_id");
        notFound(http.delete().uri("/api/chat/query/{q}", "no-such-query").headers((h) -> h.setBearerAuth(bob)), "query_id");
        // Bob's recent sessions do not list Alice's; hers do.
        http.get().uri("/api/chat/history").headers((h) -> h.setBearerAuth(bob)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user_id").isEqualTo("bob")
                .jsonPath("$.sessions[?(@.session_id == '" + session + "')]").isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/api/chat/history").headers((h) -> h.setBearerAuth(alice))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.sessions[?(@.session_id == '" + session + "')].question_count").isEqualTo(1));

        // The owner may follow up and cancel; the cancel is audited once, with her principal.
        http.post().uri("/api/chat/query").headers((h) -> h.setBearerAuth(alice)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", "How many orders are there?", "session_id", session)).exchange()
                .expectStatus().isAccepted();
        http.delete().uri("/api/chat/query/{q}", query).headers((h) -> h.setBearerAuth(alice)).exchange()
                .expectStatus().isAccepted();
        List<AuditRecord> cancels = awaitAudit((r) -> r.getAction() == AuditAction.CANCEL && query.equals(r.getQueryId()), 1);
        assertThat(cancels.get(0).getPrincipal().getUser()).isEqualTo("alice");
        assertThat(cancels.get(0).getPrincipal().getGroups()).containsExactly("analysts");
    }

    @Test
    void anAdministratorReadsAnotherUsersSessionAndTheReadIsAudited() {
        String dave = token("dave", List.of());
        Map<String, Object> accepted = ask(dave, Map.of("question", "How many customers are there?"));
        String session = (String) accepted.get("session_id");
        String carol = token("carol", List.of("admins"));
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/api/chat/session/{s}", session)
                .headers((h) -> h.setBearerAuth(carol)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user_id").isEqualTo("dave"));
        List<AuditRecord> reads = awaitAudit((r) -> r.getAction() == AuditAction.ADMIN_READ && session.equals(r.getSessionId()), 1);
        assertThat(reads.get(0).getPrincipal().getUser()).isEqualTo("carol");
        assertThat(reads.get(0).getDetail()).contains("dave");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCallerIsShownOnlyTheTablesItsGroupsMayRead() {
        String support = token("sam", List.of("support"));
        String bob = token("bob", List.of());

        http.get().uri("/api/schema/tables").headers((h) -> h.setBearerAuth(support)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tables[*].name").value((names) -> assertThat((List<Object>) names)
                        .containsExactlyInAnyOrder("customers", "regions"));
        notFound(http.get().uri("/api/schema/table/orders").headers((h) -> h.setBearerAuth(support)), "name");
        http.get().uri("/api/schema/search?q=order status").headers((h) -> h.setBearerAuth(support)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.results[?(@.table == 'orders')]").isEmpty();
        http.get().uri("/api/schema/tables").headers((h) -> h.setBearerAuth(bob)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tables[?(@.name == 'orders')]").isNotEmpty();
    }

    @Test
    void onlyTheAskerRatesAnAnswerAndOnlyAnAdministratorSeesOrExtendsTheSemanticModel() {
        String heidi = token("heidi", List.of());
        String ivan = token("ivan", List.of());
        String judy = token("judy", List.of("admins"));
        String query = (String) ask(heidi, Map.of("question", "How many customers are there?")).get("query_id");
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/api/chat/updates?query_id={q}", query)
                .headers((h) -> h.setBearerAuth(heidi)).exchange().expectBody().jsonPath("$.status").isEqualTo("SUCCEEDED"));

        notFound(http.post().uri("/api/chat/query/{q}/feedback", query).headers((h) -> h.setBearerAuth(ivan))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rating", "down")), "query_id");
        http.post().uri("/api/chat/query/{q}/feedback", query).headers((h) -> h.setBearerAuth(heidi))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rating", "up")).exchange()
                .expectStatus().isAccepted();

        for (String nonAdmin : List.of(heidi, ivan)) {
            http.get().uri("/api/semantic/models/main").headers((h) -> h.setBearerAuth(nonAdmin)).exchange()
                    .expectStatus().isForbidden();
            http.post().uri("/api/semantic/models/main/verified-questions").headers((h) -> h.setBearerAuth(nonAdmin))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query_id", query)).exchange()
                    .expectStatus().isForbidden();
        }
        http.get().uri("/api/semantic/models/main").headers((h) -> h.setBearerAuth(judy)).exchange()
                .expectStatus().isOk();
        http.post().uri("/api/semantic/models/main/verified-questions").headers((h) -> h.setBearerAuth(judy))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query_id", query)).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.source_query_id").isEqualTo(query);
        // Promoting another user's answer reads it: audited as an administrator's read.
        awaitAudit((r) -> r.getAction() == AuditAction.ADMIN_READ && query.equals(r.getQueryId())
                && "judy".equals(r.getPrincipal().getUser()), 1);
    }

    // --- roles ---------------------------------------------------------------------------------------------

    @Test
    void aViewerMayAskButNotRunEditedSql() {
        String erin = token("erin", List.of("unrelated-group"));
        ask(erin, Map.of("question", "How many orders are there?"));
        http.post().uri("/api/chat/query").headers((h) -> h.setBearerAuth(erin)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sql", "SELECT count(*) FROM orders")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403).jsonPath("$.field").isEqualTo("sql");
        awaitAudit((r) -> r.getAction() == AuditAction.REFUSAL && "ROLE_ANALYST_REQUIRED".equals(r.getReason())
                && "erin".equals(r.getPrincipal().getUser()), 1);
    }

    @Test
    void onlyAnAdministratorMayReloadAndEachReloadOrRefusalIsAuditedOnce() {
        String frank = token("frank", List.of("analysts"));
        http.post().uri("/api/config/reload").headers((h) -> h.setBearerAuth(frank)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403).jsonPath("$.required_role").isEqualTo("admin");
        awaitAudit((r) -> r.getAction() == AuditAction.REFUSAL && "frank".equals(r.getPrincipal().getUser())
                && "ROLE_ADMIN_REQUIRED".equals(r.getReason()), 1);
        String grace = token("grace", List.of("admins"));
        http.post().uri("/api/config/reload").headers((h) -> h.setBearerAuth(grace)).exchange().expectStatus().isOk();
        awaitAudit((r) -> r.getAction() == AuditAction.CONFIG_RELOAD && "grace".equals(r.getPrincipal().getUser()), 1);
    }

    @Test
    void theConfigurationSaysTheModeAndTheDocsArePublicWithSecurityHeaders() {
        http.get().uri("/api/config").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.security_mode").isEqualTo("oidc");
        http.get().uri("/redoc").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", (csp) -> assertThat(csp).contains("frame-ancestors 'none'"))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        http.get().uri("/openapi.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.apiKey.name").isEqualTo("X-API-Key")
                .jsonPath("$.paths['/api/config/reload'].post.description").value((String d) -> assertThat(d).contains("administrators"));
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    // --- API keys and limits -------------------------------------------------------------------------------

    @Test
    void apiKeysWorkInEitherHeaderBothRotationKeysAreLiveAndAReloadRevokesOne() throws Exception {
        http.get().uri("/api/chat/history").header("X-API-Key", ORDERS_KEY).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user_id").isEqualTo("orders-service");
        http.get().uri("/api/chat/history").headers((h) -> h.setBearerAuth(ORDERS_KEY_NEXT)).exchange().expectStatus().isOk();
        unauthorized(http.get().uri("/api/chat/history").header("X-API-Key", "csk_not_a_key_anyone_was_given"), true);

        writeKeys(ORDERS_KEY_NEXT);
        http.post().uri("/api/config/reload").headers((h) -> h.setBearerAuth(token("heidi", List.of("admins"))))
                .exchange().expectStatus().isOk();
        unauthorized(http.get().uri("/api/chat/history").header("X-API-Key", ORDERS_KEY), true);
        http.get().uri("/api/chat/history").header("X-API-Key", ORDERS_KEY_NEXT).exchange().expectStatus().isOk();
    }

    @Test
    void overItsRequestRateACallerGets429WithRetryAfterAndTheRefusalIsAudited() {
        for (int i = 0; i < 4; i++) {
            http.get().uri("/api/chat/history").header("X-API-Key", LIMITED_KEY).exchange().expectStatus().isOk();
        }
        http.get().uri("/api/chat/history").header("X-API-Key", LIMITED_KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isPositive())
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(429);
        awaitAudit((r) -> r.getAction() == AuditAction.REFUSAL && "RATE_LIMIT".equals(r.getReason())
                && "limited-service".equals(r.getPrincipal().getUser()), 1);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String token(String user, List<String> groups) {
        return issuer.sign(issuer.claims(user, AUDIENCE, groups).build());
    }

    private static Map<String, Object> ask(String token, Map<String, Object> body) {
        return http.post().uri("/api/chat/query").headers((h) -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    /** Asserts a 401 with a Bearer challenge and problem details; returns the body. */
    private static String unauthorized(WebTestClient.RequestHeadersSpec<?> request, boolean credentialPresented) {
        return request.exchange().expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> {
                    assertThat(challenge).startsWith("Bearer");
                    if (credentialPresented) {
                        assertThat(challenge).contains("error=\"invalid_token\"");
                    }
                })
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value((body) -> assertThat(body).contains("\"status\":401").contains("\"detail\""))
                .returnResult().getResponseBody();
    }

    private static void notFound(WebTestClient.RequestHeadersSpec<?> request, String field) {
        request.exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.field").isEqualTo(field);
    }

    private static void writeKeys(String... ordersKeys) throws IOException {
        StringBuilder json = new StringBuilder("{\"keys\": [");
        for (String key : ordersKeys) {
            json.append("{\"name\": \"orders-service\", \"sha256\": \"").append(Hashing.sha256Hex(key))
                    .append("\", \"groups\": [\"analysts\"]},");
        }
        json.append("{\"name\": \"limited-service\", \"sha256\": \"").append(Hashing.sha256Hex(LIMITED_KEY))
                .append("\", \"groups\": []}]}");
        Files.writeString(apiKeys, json);
    }

    /** Waits until exactly {@code expected} audit records match, and a moment more to see no extra one. */
    private static List<AuditRecord> awaitAudit(Predicate<AuditRecord> match, int expected) {
        await().atMost(PATIENCE).until(() -> audit().stream().filter(match).count() >= expected);
        List<AuditRecord> found = audit().stream().filter(match).toList();
        assertThat(found).hasSize(expected);
        return found;
    }

    private static List<AuditRecord> audit() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<AuditRecord> records = new ArrayList<>();
        AvroSerde<AuditRecord> serde = AvroSerde.auditRecord();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT, Duration.ofSeconds(10)).stream()
                    .map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(serde.deserialize(record.topic(), record.value()));
                }
            }
        }
        return records;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
