package io.clearsky.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.clearsky.core.config.PostgresConnection;
import io.clearsky.core.embedding.Vectors;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the pgvector index must do against a real PostgreSQL with pgvector, whichever server provides
 * it: both table layouts, idempotent upserts, cosine search, the dimension check and an unreachable store.
 */
abstract class PgVectorIndexContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The server under test, as the SQLAlchemy-form URL of the configuration. */
    abstract String connectionString();

    @Test
    void aMissingStoreIsCreatedInThePlainLayoutAndSearchedByCosine() {
        PostgresConnection connection = connection();
        try (PgVectorIndex index = PgVectorIndex.open(connection, "clearsky_schema", 3, 0.0, TIMEOUT)) {
            assertThat(index.layout()).isEqualTo(PgVectorIndex.Layout.PLAIN);
            index.upsert(List.of(entry("main", "orders", "Customer orders", 1, 0, 0),
                    entry("main", "customers", "People who buy", 0, 1, 0),
                    entry("other", "orders", "Orders elsewhere", 1, 0, 0)));
            index.upsert(List.of(entry("main", "orders", "Customer orders, one row per order", 0.9f, 0.1f, 0)));

            List<VectorIndex.Match> matches = index.search("main", Vectors.normalized(new float[] { 1, 0, 0 }), 5);

            assertThat(matches).extracting((match) -> match.document().table()).containsExactly("orders", "customers");
            assertThat(matches.getFirst().document().text()).isEqualTo("Customer orders, one row per order");
            assertThat(matches.getFirst().similarity()).isGreaterThan(0.99);
            assertThat(index.contentHashes("main")).hasSize(2)
                    .contains(SchemaDocument.of("x", "main", "orders", "Customer orders, one row per order").contentHash());
        }
    }

    @Test
    void theOriginalServicesLlamaIndexStoreIsReadAndWritten() {
        PostgresConnection connection = connection();
        try (PgVectorIndex creator = PgVectorIndex.open(connection, "bootstrap_ext", 3, 0.0, TIMEOUT)) {
            creator.upsert(List.of());
        }
        sql("CREATE TABLE data_legacy_docs (id bigserial PRIMARY KEY, text varchar NOT NULL, metadata_ json, "
                + "node_id varchar, embedding vector(3))");
        sql("INSERT INTO data_legacy_docs (text, metadata_, node_id, embedding) VALUES "
                + "('Table sales: one row per sale', '{\"table_name\": \"sales\"}', 'n-1', '[1,0,0]')");

        try (PgVectorIndex index = PgVectorIndex.open(connection, "legacy_docs", 3, 0.5, TIMEOUT)) {
            assertThat(index.layout()).isEqualTo(PgVectorIndex.Layout.LLAMA_INDEX);
            assertThat(index.table()).isEqualTo("data_legacy_docs");
            index.upsert(List.of(entry("main", "refunds", "Money given back", 0, 1, 0)));
            index.upsert(List.of(entry("main", "refunds", "Money given back to customers", 0, 1, 0)));

            assertThat(index.search("main", new float[] { 1, 0, 0 }, 5)).singleElement()
                    .satisfies((match) -> assertThat(match.document().table()).isEqualTo("sales"));
            assertThat(index.search("main", new float[] { 0, 1, 0 }, 5)).extracting((match) -> match.document().text())
                    .containsExactly("Money given back to customers");
        }
    }

    @Test
    void aDimensionMismatchStopsWithBothNumbers() {
        PostgresConnection connection = connection();
        try (PgVectorIndex index = PgVectorIndex.open(connection, "three_dims", 3, 0.0, TIMEOUT)) {
            index.upsert(List.of());
        }
        assertThatIllegalStateException().isThrownBy(() -> PgVectorIndex.open(connection, "three_dims", 384, 0.0, TIMEOUT))
                .withMessageContaining("holds 3-dimension vectors but the embedding model makes 384-dimension ones");
    }

    @Test
    void anUnreachableStoreFailsWithinItsTimeoutNamingTheStoreButNotThePassword() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PostgresConnection nowhere = PostgresConnection.parse("postgresql://clearsky:s3cr3t@127.0.0.1:" + closed + "/db");

        assertThatIllegalStateException().isThrownBy(() -> PgVectorIndex.open(nowhere, "docs", 3, 0.0, Duration.ofSeconds(2)))
                .withMessageContaining("Cannot use the vector store at").withMessageContaining("127.0.0.1:" + closed)
                .withMessageNotContaining("s3cr3t");
    }

    private PostgresConnection connection() {
        return PostgresConnection.parse(connectionString());
    }

    private void sql(String statement) {
        PostgresConnection connection = connection();
        try (var jdbc = java.sql.DriverManager.getConnection("jdbc:postgresql://" + connection.host() + ":"
                + connection.port() + "/" + connection.database() + "?prepareThreshold=0", connection.user(),
                connection.password()); var run = jdbc.createStatement()) {
            run.execute(statement);
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static VectorIndex.Entry entry(String database, String table, String text, float... vector) {
        return new VectorIndex.Entry(SchemaDocument.of(database + "." + table, database, table, text),
                Vectors.normalized(vector));
    }
}
