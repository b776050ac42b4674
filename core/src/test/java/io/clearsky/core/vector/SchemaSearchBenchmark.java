package io.clearsky.core.vector;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.config.PostgresConnection;
import io.clearsky.core.embedding.MiniLmEmbeddings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * What a schema search costs in memory over a generated catalog of 1,000 tables × 30 columns (about
 * 3,000 documents with MiniLM vectors): the index scan alone, with embedding the question first, and
 * the same search in pgvector on PGlite when it is installed.
 * Run with {@code bin/clearsky bench-retrieval}; writes {@code target/bench/retrieval-jmh.json}.
 */
@State(Scope.Benchmark)
public class SchemaSearchBenchmark {

    private static final String[] SUBJECTS = { "order", "customer", "invoice", "shipment", "product", "supplier",
            "employee", "payment", "refund", "campaign", "ticket", "warehouse", "contract", "visit", "claim" };

    private static final String[] ATTRIBUTES = { "amount", "status", "created at", "region", "channel", "priority",
            "discount", "currency", "score", "quantity", "weight", "category", "owner", "due date", "country" };

    private final MiniLmEmbeddings embeddings = new MiniLmEmbeddings();

    private final InMemoryVectorIndex index = new InMemoryVectorIndex(384);

    private final List<float[]> questions = new ArrayList<>();

    private final List<String> questionTexts = new ArrayList<>();

    private int next;

    @Setup
    public void indexAGeneratedCatalog() {
        this.index.upsert(generatedCatalog(this.embeddings));
        for (String subject : SUBJECTS) {
            String question = String.format(Locale.ROOT, "What was the total %s amount per region last month?", subject);
            this.questionTexts.add(question);
            this.questions.add(this.embeddings.embed(question));
        }
    }

    /** 1,000 tables × 30 columns as documents with their MiniLM vectors; the same every run. */
    static List<VectorIndex.Entry> generatedCatalog(MiniLmEmbeddings embeddings) {
        Random random = new Random(42);
        List<SchemaDocument> documents = new ArrayList<>();
        for (int t = 0; t < 1_000; t++) {
            String subject = SUBJECTS[t % SUBJECTS.length];
            List<ColumnInfo> columns = new ArrayList<>();
            for (int c = 0; c < 30; c++) {
                String attribute = ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
                columns.add(new ColumnInfo(attribute.replace(' ', '_') + "_" + c, (c % 3 == 0) ? "bigint" : "varchar",
                        (c % 2 == 0) ? "the " + attribute + " of the " + subject : null, false));
            }
            documents.addAll(SchemaDocuments.of(new TableInfo("main", subject + "_facts_" + t,
                    subject + " records of unit " + t, columns, null)));
        }
        List<float[]> vectors = embeddings.embedAll(documents.stream().map(SchemaDocument::text).toList());
        List<VectorIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            entries.add(new VectorIndex.Entry(documents.get(i), vectors.get(i)));
        }
        return entries;
    }

    /** The same documents in pgvector on PGlite (sequential scan, no ANN index), when PGlite is installed. */
    @State(Scope.Benchmark)
    public static class OnPglite {

        private PgliteServer server;

        private PgVectorIndex index;

        private final List<float[]> questions = new ArrayList<>();

        private int next;

        @Setup
        public void start() throws Exception {
            if (!PgliteServer.available()) {
                return;
            }
            MiniLmEmbeddings embeddings = new MiniLmEmbeddings();
            this.server = PgliteServer.start();
            this.index = PgVectorIndex.open(PostgresConnection.parse(this.server.connectionString()), "bench_schema", 384,
                    0.0, Duration.ofSeconds(60));
            this.index.upsert(generatedCatalog(embeddings));
            for (String subject : SUBJECTS) {
                this.questions.add(embeddings.embed("What was the total " + subject + " amount per region last month?"));
            }
        }

        @TearDown
        public void stop() throws Exception {
            if (this.index != null) {
                this.index.close();
                this.server.close();
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<VectorIndex.Match> searchPgvectorOnPglite(OnPglite pglite) {
        return (pglite.index != null)
                ? pglite.index.search("main", pglite.questions.get(pglite.next++ % pglite.questions.size()), 20) : List.of();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<VectorIndex.Match> searchTheIndex() {
        return this.index.search("main", this.questions.get(this.next++ % this.questions.size()), 20);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<VectorIndex.Match> embedTheQuestionAndSearch() {
        String question = this.questionTexts.get(this.next++ % this.questionTexts.size());
        return this.index.search("main", this.embeddings.embed(question), 20);
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "target/bench/retrieval-jmh.json");
        Files.createDirectories(report.toAbsolutePath().getParent());
        var results = new Runner(new OptionsBuilder()
                .include(SchemaSearchBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(3))
                .measurementIterations(5).measurementTime(TimeValue.seconds(3))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xmx2g")
                .result(report.toString()).resultFormat(ResultFormatType.JSON)
                .build()).run();
        for (RunResult result : results) {
            Statistics statistics = result.getPrimaryResult().getStatistics();
            System.out.printf(Locale.ROOT, "%s over %d samples: median %.0f us, p99 %.0f us, max %.0f us%n",
                    result.getParams().getBenchmark().replaceAll(".*\\.", ""), statistics.getN(),
                    statistics.getPercentile(50), statistics.getPercentile(99), statistics.getMax());
        }
        System.out.println("Report: " + report.toAbsolutePath());
    }
}
