package io.clearsky.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clearsky.core.aws.AthenaStub;
import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.aws.AwsProperties;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.core.lake.DuckDbLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;

/**
 * The Athena catalog read through the SDK from a wire-level Athena stub whose metadata comes from the
 * demo lake.
 */
class AthenaCatalogIT {

    private static DuckDbLake lake;

    private static AthenaStub athena;

    private static AthenaAsyncClient client;

    private final ChatbotConfig.Athena settings = new ChatbotConfig.Athena("primary", "main", "AwsDataCatalog", null, 60);

    @BeforeAll
    static void start() throws Exception {
        Path file = Files.createTempDirectory("clearsky-athena-catalog").resolve("lake.duckdb");
        DemoLake.createIfMissing(file, 100);
        lake = DuckDbLake.open(file, "main");
        athena = AthenaStub.start(lake, null);
        client = clients(athena).athena();
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

    static AwsClients clients(AthenaStub stub) {
        MockEnvironment environment = new MockEnvironment().withProperty("AWS_ACCESS_KEY_ID", "test")
                .withProperty("AWS_SECRET_ACCESS_KEY", "test");
        return new AwsClients(new AwsProperties("us-east-1", null, stub.endpoint(), null), environment);
    }

    @Test
    void readsEveryPageOfTablesWithColumnsCommentsAndPartitionKeys() {
        AthenaCatalog catalog = new AthenaCatalog(client, () -> this.settings, Duration.ofMinutes(10), Clock.systemUTC());

        List<TableInfo> tables = catalog.tables("main");

        assertThat(tables).extracting(TableInfo::name).containsExactly("categories", "customers", "employees",
                "order_items", "orders", "products", "regions");
        assertThat(athena.calls("ListTableMetadata")).hasSize(4);
        TableInfo orders = catalog.table("main", "ORDERS").orElseThrow();
        assertThat(orders.comment()).isEqualTo("Customer orders, one row per order");
        assertThat(orders.estimatedRows()).isEqualTo(1000L);
        assertThat(orders.columns()).extracting(ColumnInfo::name).contains("order_id", "customer_id", "dt");
        assertThat(orders.columns().getLast()).isEqualTo(new ColumnInfo("dt", "string", "load date", true));
        assertThat(orders.columns().getFirst().partitionKey()).isFalse();
        assertThat(catalog.defaultDatabase()).isEqualTo("main");
    }

    @Test
    void databasesAreListed() {
        AthenaCatalog catalog = new AthenaCatalog(client, () -> this.settings, Duration.ofMinutes(10), Clock.systemUTC());

        assertThat(catalog.databases()).containsExactly("main");
    }

    @Test
    void anUnknownDatabaseHasNoTables() {
        AthenaCatalog catalog = new AthenaCatalog(client, () -> this.settings, Duration.ofMinutes(10), Clock.systemUTC());

        assertThat(catalog.tables("nowhere")).isEmpty();
    }

    @Test
    void tablesAreReadOnceWithinTheRefreshInterval() {
        AthenaCatalog catalog = new AthenaCatalog(client, () -> this.settings, Duration.ofMinutes(10), Clock.systemUTC());

        catalog.tables("main");
        catalog.tables("main");

        assertThat(athena.calls("ListTableMetadata")).hasSize(4);
    }

    @Test
    void aStaleCatalogIsServedWhileItRefreshesInTheBackground() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        AthenaCatalog catalog = new AthenaCatalog(client, () -> this.settings, Duration.ofMinutes(10), clock);
        List<TableInfo> first = catalog.tables("main");
        clock.advance(Duration.ofMinutes(11));
        athena.throttleNext(1_000);

        // Athena is refusing every call now, yet readers still get the tables they had.
        assertThat(catalog.tables("main")).isSameAs(first);
        assertThat(catalog.tables("main")).isSameAs(first);

        // Once Athena answers again a refresh lands; waiting for it leaves no call running into the next test.
        athena.throttleNext(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.tables("main") != first);
    }

    @Test
    void aCatalogThatCannotBeReadSaysWhich() {
        AthenaCatalog catalog = new AthenaCatalog(client, () -> this.settings, Duration.ofMinutes(10), Clock.systemUTC());
        athena.throttleNext(1_000);

        assertThatThrownBy(() -> catalog.tables("main")).hasMessageContaining("Cannot read the Athena catalog AwsDataCatalog/main");
    }

    private static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            this.now.updateAndGet((instant) -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return this.now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
