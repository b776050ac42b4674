package io.clearsky.core.guard;

import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.lake.DuckDbLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * What the guard costs per query: every gold query of the evaluation set checked in turn against its
 * database's catalog, each call sampled. Run with {@code bin/clearsky bench-guard}; writes
 * {@code target/bench/guard-jmh.json} and prints the median and p99.
 */
@State(Scope.Benchmark)
public class GuardBenchmark {

    private final List<DuckDbLake> lakes = new ArrayList<>();

    private final List<SqlGuard> guards = new ArrayList<>();

    private final List<String> sqls = new ArrayList<>();

    private int next;

    @Setup
    public void loadTheEvaluationSet() throws Exception {
        for (Map.Entry<String, List<String>> database : GoldQueries.byDatabase().entrySet()) {
            DuckDbLake lake = DuckDbLake.load(GoldQueries.database(database.getKey()));
            this.lakes.add(lake);
            DuckDbCatalog catalog = new DuckDbCatalog(lake);
            catalog.tables("main");
            SqlGuard guard = new SqlGuard(catalog, GuardProperties.defaults());
            for (String sql : database.getValue()) {
                this.guards.add(guard);
                this.sqls.add(sql);
            }
        }
    }

    @TearDown
    public void close() throws Exception {
        for (DuckDbLake lake : this.lakes) {
            lake.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public GuardVerdict checkOneGoldQuery() {
        int i = this.next++ % this.sqls.size();
        return this.guards.get(i).check(this.sqls.get(i), "main");
    }

    public static void main(String[] args) throws Exception {
        if (!GoldQueries.present()) {
            System.err.println("No evaluation set at " + GoldQueries.EVAL_SET.toAbsolutePath()
                    + "; set -Dclearsky.eval.dir to one.");
            System.exit(2);
        }
        Path report = Path.of(args.length > 0 ? args[0] : "target/bench/guard-jmh.json");
        Files.createDirectories(report.toAbsolutePath().getParent());
        RunResult result = new Runner(new OptionsBuilder()
                .include(GuardBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(3))
                .measurementIterations(5).measurementTime(TimeValue.seconds(3))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xmx1g")
                .result(report.toString()).resultFormat(ResultFormatType.JSON)
                .build()).runSingle();
        Statistics statistics = result.getPrimaryResult().getStatistics();
        System.out.printf(Locale.ROOT, "Guard cost per query over %d samples: median %.1f us, p99 %.1f us, max %.1f us%n"
                + "Report: %s%n", statistics.getN(), statistics.getPercentile(50), statistics.getPercentile(99),
                statistics.getMax(), report.toAbsolutePath());
    }
}
