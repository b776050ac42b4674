package io.clearsky.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.config.PostgresConnection;
import io.clearsky.core.embedding.MiniLmEmbeddings;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.core.vector.PgVectorIndex;
import io.clearsky.core.vector.PgliteServer;
import io.clearsky.core.vector.VectorIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/clearsky index} against the demo lake and a real pgvector store (PGlite): documents are
 * written once, a second run writes nothing, and retrieval can read them.
 */
class IndexCommandIT {

    private static PgliteServer pglite;

    private static Path lake;

    private static Path vectorStoreConfig;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(PgliteServer.available() || System.getenv("CI") != null,
                "PGlite is not installed: npm ci in core/src/test/js/pglite");
        pglite = PgliteServer.start();
        Path data = Files.createTempDirectory("clearsky-index-it");
        lake = data.resolve("lake.duckdb");
        DemoLake.createIfMissing(lake, 100);
        vectorStoreConfig = Files.writeString(data.resolve("vector_store_config.json"), """
                {"type": "pgvector", "connection_string": "%s", "table": "clearsky_schema",
                 "embedding_dimension": 384, "top_k": 10, "similarity_threshold": 0.1}""".formatted(pglite.connectionString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (pglite != null) {
            pglite.close();
        }
    }

    @Test
    void indexesOnceThenFindsNothingToWriteAndRetrievalReadsTheStore() {
        Result first = index("--lake", lake.toString(), "--clearsky.config.vectorstore-key=" + vectorStoreConfig);
        Result second = index("--lake", lake.toString(), "--clearsky.config.vectorstore-key=" + vectorStoreConfig);

        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("Indexing into clearsky_schema (PLAIN layout) with all-minilm-l6-v2-q embeddings")
                .containsPattern("main\\s+7 tables,\\s+\\d+ documents written");
        assertThat(second.out()).containsPattern("main\\s+7 tables,\\s+0 documents written");
        assertThat(first.out()).doesNotContain("secret-pw");
        MiniLmEmbeddings embeddings = new MiniLmEmbeddings();
        try (PgVectorIndex store = PgVectorIndex.open(PostgresConnection.parse(pglite.connectionString()), "clearsky_schema",
                384, 0.1, Duration.ofSeconds(10))) {
            List<VectorIndex.Match> matches = store.search("main", embeddings.embed("Which products are sold in each category?"), 3);
            assertThat(matches).extracting((match) -> match.document().table()).contains("categories");
        }
    }

    @Test
    void withoutAPgvectorStoreItSaysSoAndFails() {
        Result result = index("--lake", lake.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("Cannot index: vector_store_config.json names no pgvector store");
    }

    @Test
    void withoutALakeOrAthenaItSaysWhereItLooked() {
        Result result = index("--lake", "no/such/lake.duckdb");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("Cannot index: no catalog. There is no DuckDB lake at");
    }

    @Test
    void anUnknownOptionShowsTheUsage() {
        Result result = index("--everything");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unknown option --everything", "usage: bin/clearsky index");
    }

    private static Result index(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = IndexCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {
    }
}
