package io.clearsky.eval;

import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.aws.AwsProperties;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.config.ConfigLoader;
import io.clearsky.core.config.ConfigLoader.ConfigObject;
import io.clearsky.core.config.ConfigProperties;
import io.clearsky.core.config.Secrets;
import io.clearsky.core.config.source.EmbeddedConfigSource;
import io.clearsky.core.config.source.FileConfigSource;
import io.clearsky.worker.generation.GenerationProperties;
import io.clearsky.worker.generation.OfflineSqlGenerator;
import io.clearsky.worker.generation.SqlGenerator;
import io.clearsky.worker.generation.SqlGenerators;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/clearsky eval --set DIR [--generator offline|bedrock|openai] [--reader model|legacy|both]
 * [--databases DB,DB...] [--limit N] [--report FILE]}: runs an evaluation set (or the questions of some of
 * its databases), shows progress, prints a summary table and writes the JSON report. {@code --reader} picks
 * the offline generator's readings, to measure the model reader alone.
 */
public final class EvalCommand {

    private static final String USAGE = "usage: bin/clearsky eval --set DIR [--generator offline|bedrock|openai]"
            + " [--reader model|legacy|both] [--databases DB,DB...] [--limit N] [--report FILE]";

    private EvalCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path setDirectory = null;
        String generatorName = "offline";
        OfflineSqlGenerator.Readers readers = null;
        Set<String> databases = Set.of();
        int limit = 0;
        Path report = Path.of("target", "eval.json");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--set" -> setDirectory = Path.of(value(args, ++i, "--set"));
                    case "--generator" -> generatorName = value(args, ++i, "--generator");
                    case "--reader" -> readers = readers(value(args, ++i, "--reader"));
                    case "--databases" -> databases = Set.of(value(args, ++i, "--databases").split(","));
                    case "--limit" -> limit = Integer.parseInt(value(args, ++i, "--limit"));
                    case "--report" -> report = Path.of(value(args, ++i, "--report"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (setDirectory == null) {
                throw new IllegalArgumentException("--set is required");
            }
            if (readers != null && !generatorName.equals("offline")) {
                throw new IllegalArgumentException("--reader is an option of the offline generator");
            }
        }
        catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println(USAGE);
            return 2;
        }
        SqlGenerator generator;
        try {
            generator = (readers != null) ? new OfflineSqlGenerator(Clock.systemUTC(), readers) : generator(generatorName);
        }
        catch (RuntimeException ex) {
            err.println("Cannot use the " + generatorName + " generator: " + Secrets.redactedFirstLine(ex.getMessage()));
            return 2;
        }
        EvalSet set;
        try {
            set = EvalSet.load(setDirectory).only(databases);
        }
        catch (IOException ex) {
            err.println(ex.getMessage());
            return 2;
        }
        String setName = setDirectory.toAbsolutePath().normalize().getFileName().toString();
        out.printf(Locale.ROOT, "Evaluating %d questions of %s with the %s generator%n",
                (limit > 0) ? Math.min(limit, set.questions().size()) : set.questions().size(), setName, generator.name());
        EvalReport result = new EvalRunner(generator, new ConsoleProgress(out)).run(set, setName, limit);
        Path target = report.toAbsolutePath();
        Files.createDirectories(target.getParent());
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT).build();
        json.writeValue(target.toFile(), result);
        printSummary(result, out);
        out.println("Report: " + target);
        return 0;
    }

    /**
     * The generator the worker would use, configured the way the worker is: {@code chatbot_config.json}
     * from {@code CHATBOT_CONFIG_KEY} (a local file) or the built-in defaults, AWS credentials and region
     * from the SDK's chain, and {@code CLEARSKY_GENERATION_*} variables (the OpenAI-compatible endpoint).
     */
    static SqlGenerator generator(String name) {
        StandardEnvironment environment = new StandardEnvironment();
        Binder binder = Binder.get(environment);
        GenerationProperties configured = binder.bind("clearsky.generation", GenerationProperties.class)
                .orElseGet(() -> new GenerationProperties(null, null, null, null));
        GenerationProperties properties = new GenerationProperties(name, configured.maxAttempts(), configured.bedrock(),
                configured.openai());
        String chatbotKey = environment.getProperty("CHATBOT_CONFIG_KEY");
        ConfigObject chatbot = (chatbotKey != null) ? new ConfigObject(new FileConfigSource(Path.of("")), chatbotKey)
                : new ConfigObject(new EmbeddedConfigSource(), ConfigProperties.CHATBOT_FILE);
        ChatbotConfig config = new ConfigLoader(chatbot,
                new ConfigObject(new EmbeddedConfigSource(), ConfigProperties.VECTOR_STORE_FILE)).load().chatbot();
        AwsProperties aws = binder.bind("clearsky.aws", AwsProperties.class)
                .orElseGet(() -> new AwsProperties(environment.getProperty("AWS_REGION"), null, null, null));
        return SqlGenerators.create(properties, () -> config, new AwsClients(aws, environment));
    }

    private static OfflineSqlGenerator.Readers readers(String name) {
        try {
            return OfflineSqlGenerator.Readers.valueOf(name.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--reader must be model, legacy or both, not '" + name + "'");
        }
    }

    static void printSummary(EvalReport report, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-32s %9s %9s %8s %9s %10s %9s%n", "", "questions", "answered", "correct", "coverage",
                "precision", "accuracy");
        row(out, "all", new EvalReport.Scores(report.questions(), report.answered(), report.correct(), report.coverage(),
                report.precision(), report.executionAccuracy()));
        report.bySource().forEach((source, scores) -> row(out, "source " + source, scores));
        report.byKind().forEach((kind, scores) -> row(out, "kind " + kind, scores));
        report.byDatabase().forEach((db, scores) -> row(out, "db " + db, scores));
        out.printf(Locale.ROOT, "%noutcomes %s", report.outcomes());
        report.byAnswer().forEach((answer, scores) -> out.printf(Locale.ROOT, "; %s answers %d, correct %d", answer,
                scores.answered(), scores.correct()));
        if (report.unanswerable().questions() > 0) {
            out.printf(Locale.ROOT, "; questions without an answer %d, declined or clarified %d",
                    report.unanswerable().questions(), report.unanswerable().declined());
        }
        out.println();
        out.printf(Locale.ROOT, "%nretrieval recall@5 %.3f   latency p50 %.2f ms, p95 %.2f ms%n", report.retrievalRecallAt5(),
                report.latencyMs().p50(), report.latencyMs().p95());
    }

    private static void row(PrintStream out, String label, EvalReport.Scores scores) {
        out.printf(Locale.ROOT, "%-32s %9d %9d %8d %8.1f%% %9.1f%% %8.1f%%%n", label, scores.questions(), scores.answered(),
                scores.correct(), 100 * scores.coverage(), 100 * scores.precision(), 100 * scores.executionAccuracy());
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    /** One line per database, with its tally once done. */
    private static final class ConsoleProgress implements EvalRunner.Progress {

        private final PrintStream out;

        private String db;

        private int expected;

        private int done;

        private int answered;

        private int correct;

        ConsoleProgress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void databaseStarted(String db, int questions) {
            this.db = db;
            this.expected = questions;
            this.done = 0;
            this.answered = 0;
            this.correct = 0;
        }

        @Override
        public void questionDone(EvalItem item) {
            this.done++;
            this.answered += item.answered() ? 1 : 0;
            this.correct += item.correct() ? 1 : 0;
            if (this.done == this.expected) {
                this.out.printf(Locale.ROOT, "  %-28s %4d questions %4d answered %4d correct%n", this.db, this.expected,
                        this.answered, this.correct);
            }
        }
    }
}
