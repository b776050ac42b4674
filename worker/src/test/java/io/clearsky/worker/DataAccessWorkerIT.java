package io.clearsky.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.schemas.avro.AuditAction;
import io.clearsky.schemas.avro.AuditRecord;
import io.clearsky.schemas.avro.Principal;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.OfflineSqlGenerator;
import io.clearsky.worker.generation.SqlGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Data access policies enforced by a worker against a real in-process KRaft broker: analysts read the
 * demo lake without customers' e-mail addresses, sales read everything but customers; edited and
 * generated SQL are held to the same policy, retrieval shows only readable tables, direct publishers
 * without principal run as their configured principal or are refused, and each query leaves one audit record.
 */
class DataAccessWorkerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final Principal ALICE = principal("alice", "analysts");

    private static final Principal BOB = principal("bob", "sales");

    private static EmbeddedKafkaKraftBroker broker;

    private static ConfigurableApplicationContext worker;

    private static QueryTopics topics;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        Path lake = Files.createTempDirectory("clearsky-access-it").resolve("lake.duckdb");
        DemoLake.createIfMissing(lake, 1_000);
        topics = new QueryTopics(broker.getBrokersAsString());
        worker = new SpringApplicationBuilder(RecordingModel.class, WorkerApplication.class).web(WebApplicationType.NONE)
                .properties("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "clearsky.lake.duckdb-path=" + lake,
                        "clearsky.topics.partitions=1",
                        "clearsky.worker.shutdown-grace=10s",
                        "clearsky.security.policies.analysts.databases=main",
                        "clearsky.security.policies.analysts.denied-columns=customers.email",
                        "clearsky.security.policies.sales.databases=main",
                        "clearsky.security.policies.sales.denied-tables=customers",
                        "clearsky.security.kafka-publishers.orders-service.groups=sales")
                .run();
    }

    @AfterAll
    static void stop() {
        worker.close();
        topics.close();
        broker.destroy();
    }

    @Test
    void editedSqlIsHeldToEachPrincipalsPolicy() {
        String aliceCounts = topics.send(as(ALICE, QueryTopics.sql("SELECT count(*) FROM customers")));
        String bobCounts = topics.send(as(BOB, QueryTopics.sql("SELECT count(*) FROM customers")));
        String aliceStar = topics.send(as(ALICE, QueryTopics.sql("SELECT * FROM customers")));
        String aliceEmail = topics.send(as(ALICE, QueryTopics.sql("SELECT name FROM customers WHERE email LIKE 'a%'")));
        String bobOrders = topics.send(as(BOB, QueryTopics.sql("SELECT count(*) FROM orders")));

        assertThat(answer(aliceCounts).getRows()).containsExactly(List.of(5_000L));
        assertRejected(bobCounts, "GUARD_POLICY_TABLE");
        assertRejected(aliceStar, "GUARD_POLICY_COLUMN");
        assertThat(answer(aliceStar).getError().getMessage()).contains("list the columns instead");
        assertRejected(aliceEmail, "GUARD_POLICY_COLUMN");
        assertThat(answer(bobOrders).getRows()).containsExactly(List.of(1_000L));
    }

    @Test
    void generatedSqlIsHeldToEachPrincipalsPolicyAndRetrievalShowsOnlyReadableTables() {
        String alice = topics.send(as(ALICE, QueryTopics.question("How many customers are there?")));
        assertThat(answer(alice).getStatus()).isEqualTo(QueryStatus.SUCCEEDED);
        assertThat(answer(alice).getRows()).containsExactly(List.of(5_000L));
        List<TableInfo> aliceSaw = RecordingModel.SCHEMAS.get(alice);
        assertThat(aliceSaw).extracting(TableInfo::name).contains("customers");
        assertThat(aliceSaw).filteredOn((table) -> table.name().equals("customers")).singleElement()
                .satisfies((customers) -> assertThat(customers.columns()).extracting((column) -> column.name())
                        .contains("name").doesNotContain("email"));

        String bob = topics.send(as(BOB, QueryTopics.question("How many customers are there?")));
        QueryAnswer bobs = answer(bob);
        assertThat(RecordingModel.SCHEMAS.get(bob)).extracting(TableInfo::name).contains("orders").doesNotContain("customers");
        assertThat(bobs.getStatus()).isNotEqualTo(QueryStatus.FAILED);
        assertThat(bobs.getRows()).doesNotContain(List.of(5_000L));

        String aliceLeak = topics.send(as(ALICE, QueryTopics.question(RecordingModel.LEAK + " list the customers")));
        String bobLeak = topics.send(as(BOB, QueryTopics.question(RecordingModel.LEAK + " list the customers")));
        assertRejected(aliceLeak, "GUARD_POLICY_COLUMN");
        assertRejected(bobLeak, "GUARD_POLICY_TABLE");
        assertThat(answer(bobLeak).getSql()).isEqualTo(RecordingModel.SQL);
    }

    @Test
    void eachTerminalQueryLeavesOneAuditRecord() {
        String asked = topics.send(as(ALICE, QueryTopics.question("How many customers are there?")));
        QuestionSubmitted edited = as(ALICE, QueryTopics.sql("SELECT customer_id, name FROM customers LIMIT 3"));
        String editedId = topics.send(edited);
        String refused = topics.send(as(BOB, QueryTopics.sql("SELECT name FROM customers")));

        AuditRecord question = audit(asked);
        assertThat(question.getAction()).isEqualTo(AuditAction.QUESTION);
        assertThat(question.getOutcome()).isEqualTo("SUCCEEDED");
        assertThat(question.getPrincipal()).isEqualTo(ALICE);
        assertThat(question.getTables()).containsExactly("main.customers");
        assertThat(question.getSql()).isEqualTo(answer(asked).getSql());
        assertThat(question.getReason()).isNull();

        AuditRecord editedSql = audit(editedId);
        assertThat(editedSql.getAction()).isEqualTo(AuditAction.EDITED_SQL);
        assertThat(editedSql.getSessionId()).isEqualTo(edited.getSessionId());
        assertThat(editedSql.getQueryId()).isEqualTo(editedId);
        assertThat(editedSql.getSql()).contains("LIMIT 3");
        assertThat(editedSql.getAt()).isNotNull();

        AuditRecord refusal = audit(refused);
        assertThat(refusal.getAction()).isEqualTo(AuditAction.REFUSAL);
        assertThat(refusal.getOutcome()).isEqualTo("REJECTED");
        assertThat(refusal.getReason()).isEqualTo("GUARD_POLICY_TABLE");
        assertThat(refusal.getPrincipal()).isEqualTo(BOB);
        assertThat(refusal.getSql()).isEqualTo("SELECT name FROM customers");
        assertThat(refusal.getDetail()).contains("EDITED_SQL refused");
    }

    @Test
    void aDirectPublisherWithoutPrincipalRunsAsItsConfiguredPrincipalOrIsRefused() {
        QuestionSubmitted mapped = QueryTopics.sql("SELECT count(*) FROM orders");
        mapped.setSource("orders-service");
        QuestionSubmitted mappedDenied = QueryTopics.sql("SELECT count(*) FROM customers");
        mappedDenied.setSource("orders-service");
        QuestionSubmitted unknown = QueryTopics.sql("SELECT count(*) FROM orders");
        unknown.setSource("some-script");
        unknown.setUserId("claims-to-be-admin");
        String mappedId = topics.send(mapped);
        String mappedDeniedId = topics.send(mappedDenied);
        String unknownId = topics.send(unknown);

        assertThat(answer(mappedId).getRows()).containsExactly(List.of(1_000L));
        assertThat(audit(mappedId).getPrincipal()).isEqualTo(Principal.newBuilder().setUser("kafka:orders-service")
                .setGroups(List.of("sales")).setOrigin("kafka").build());
        assertRejected(mappedDeniedId, "GUARD_POLICY_TABLE");
        assertRejected(unknownId, "GUARD_POLICY_NO_PRINCIPAL");
        assertThat(answer(unknownId).getError().getMessage()).contains("some-script");
        assertThat(audit(unknownId).getPrincipal().getUser()).isEqualTo("anonymous");
        assertThat(audit(unknownId).getAction()).isEqualTo(AuditAction.REFUSAL);
    }

    @Test
    void aPrincipalInNoConfiguredGroupMayReadNothing() {
        String id = topics.send(as(principal("carol", "interns"), QueryTopics.question("How many orders are there?")));

        assertRejected(id, "GUARD_POLICY_DATABASE");
        assertThat(RecordingModel.SCHEMAS).doesNotContainKey(id);
    }

    private static QueryAnswer answer(String id) {
        await().atMost(PATIENCE).until(() -> !topics.answers(id).isEmpty());
        return topics.answers(id).getFirst();
    }

    private static void assertRejected(String id, String code) {
        QueryAnswer answer = answer(id);
        assertThat(answer.getStatus()).as(id).isEqualTo(QueryStatus.REJECTED);
        assertThat(answer.getError().getCode()).isEqualTo(code);
    }

    /** The one audit record of a query, once it is written. */
    private static AuditRecord audit(String id) {
        answer(id);
        await().atMost(PATIENCE).until(() -> !topics.audits(id).isEmpty());
        List<AuditRecord> records = topics.audits(id);
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private static QuestionSubmitted as(Principal principal, QuestionSubmitted question) {
        question.setPrincipal(principal);
        question.setUserId(principal.getUser());
        question.setSource("gateway");
        return question;
    }

    private static Principal principal(String user, String group) {
        return Principal.newBuilder().setUser(user).setGroups(List.of(group)).setOrigin("http").build();
    }

    /**
     * The offline generator, recording the schema each question was shown (by query id, from the log context), and
     * writing a fixed query over customers, whatever the schema, when the question carries a marker.
     */
    @Configuration(proxyBeanMethods = false)
    static class RecordingModel {

        static final String LEAK = "[leak]";

        static final String SQL = "SELECT name, email FROM customers";

        /** The tables each question was shown, by query id. */
        static final Map<String, List<TableInfo>> SCHEMAS = new ConcurrentHashMap<>();

        @Bean
        @Primary
        SqlGenerator recordingGenerator() {
            OfflineSqlGenerator offline = new OfflineSqlGenerator();
            return new SqlGenerator() {
                @Override
                public String name() {
                    return offline.name();
                }

                @Override
                public Generation generate(GenerationRequest request) {
                    SCHEMAS.put(MDC.get("query_id"), request.schema().tables());
                    return request.question().startsWith(LEAK) ? new Generation.Sql(SQL, "as instructed")
                            : offline.generate(request);
                }
            };
        }
    }
}
