package io.clearsky.local.chaos;

import io.clearsky.local.ClearSkyLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bin/clearsky chaos [--questions N] [--quick] [--in-flight N] [--report FILE] [--work-dir DIR]}:
 * runs a {@link ChaosRun} (10,000 questions, {@code --quick} 1,000), writes the JSON report and a readable
 * summary beside it, and exits 1 when anything was lost, duplicated, stuck or answered differently.
 */
public final class ChaosCommand {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ChaosCommand() {
    }

    public static void main(String[] args) throws Exception {
        ClearSkyLocal.quietBrokerLogging();
        int questions = 10_000;
        int inFlight = 400;
        Path report = Path.of("target/chaos/report.json");
        Path work = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> questions = 1_000;
                case "--questions" -> questions = positive("--questions", value(args, ++i));
                case "--in-flight" -> inFlight = positive("--in-flight", value(args, ++i));
                case "--report" -> report = Path.of(value(args, ++i));
                case "--work-dir" -> work = Path.of(value(args, ++i));
                default -> usage("Unknown argument " + args[i]);
            }
        }
        ChaosChecks.Result result = run(questions, inFlight, report,
                (work != null) ? work : Files.createTempDirectory("clearsky-chaos"));
        System.exit(result.passed() ? 0 : 1);
    }

    /** Runs the chaos, writes {@code report} and {@code report}'s {@code .txt} summary, and prints the summary. */
    static ChaosChecks.Result run(int questions, int inFlight, Path report, Path work) throws Exception {
        Instant started = Instant.now();
        ChaosChecks.Result result = new ChaosRun(questions, inFlight, Math.max(3, questions / 1_000), work).run();
        ObjectNode settings = result.report().putObject("run");
        settings.put("questions", questions).put("in_flight", inFlight).put("partitions", 3)
                .put("processes", "1 broker, 2 gateways, 2 workers").put("generator", "offline")
                .put("cores", Runtime.getRuntime().availableProcessors()).put("started_at", started.toString())
                .put("duration_s", Duration.between(started, Instant.now()).toSeconds()).put("work_dir", work.toString());
        Path parent = report.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(report, JSON.writeValueAsString(result.report()));
        String summary = summary(result.report());
        Files.writeString(parent.resolve(report.getFileName().toString().replaceAll("\\.json$", "") + ".txt"), summary);
        System.out.println(summary);
        System.out.println("Report: " + report.toAbsolutePath());
        return result;
    }

    static String summary(JsonNode r) {
        StringBuilder text = new StringBuilder();
        text.append(r.at("/passed").asBoolean() ? "CHAOS RUN PASSED" : "CHAOS RUN FAILED").append('\n');
        text.append(String.format("  asked %s (gateway-1 %s, gateway-2 %s, topic %s), gateway retries %s%n",
                r.at("/counts/asked"), r.at("/counts/asked_via_gateway_1"), r.at("/counts/asked_via_gateway_2"),
                r.at("/counts/asked_via_topic"), r.at("/counts/gateway_retries")));
        text.append("  outcomes ").append(r.at("/outcomes")).append('\n');
        for (String check : new String[] { "lost", "stuck", "duplicate_terminal_events", "duplicate_answers",
                "answers_differing_from_fault_free_run", "gateway_views_disagreeing", "poison_missing_from_dlq" }) {
            text.append(String.format("  %-40s %s%s%n", check, r.at("/" + check + "/count"),
                    r.at("/" + check + "/count").asLong() > 0 ? "  e.g. " + r.at("/" + check + "/examples") : ""));
        }
        text.append(String.format("  poison: %s published, %s in the DLQ with a reason %s, %s ended exactly once%n",
                r.at("/poison/published"), r.at("/poison/in_dlq_with_reason"), r.at("/poison/reasons"),
                r.at("/poison/ended_exactly_once")));
        text.append("  unacknowledged submissions (extra copies, not losses): ")
                .append(r.at("/counts/questions_with_unacknowledged_submission")).append('\n');
        for (JsonNode fault : r.at("/faults")) {
            text.append(String.format("  fault %-16s %-10s back after %s ms; its %s in-flight queries all ended after %s ms%n",
                    fault.at("/kind").asString(), fault.at("/target").asString(), fault.at("/back_after_ms"),
                    fault.at("/in_flight"), fault.at("/in_flight_all_ended_after_ms").isMissingNode() ? "never"
                            : fault.at("/in_flight_all_ended_after_ms")));
        }
        text.append("  gateway restart to ready (JVM start and state-store restore) ms: ").append(r.at("/store_restore_ms")).append('\n');
        text.append(String.format("  end-to-end ms during faults: p50 %s p99 %s (%s queries); outside: p50 %s p99 %s (%s queries)%n",
                r.at("/end_to_end_ms/during_faults/p50"), r.at("/end_to_end_ms/during_faults/p99"),
                r.at("/end_to_end_ms/during_faults/queries"), r.at("/end_to_end_ms/outside_faults/p50"),
                r.at("/end_to_end_ms/outside_faults/p99"), r.at("/end_to_end_ms/outside_faults/queries")));
        return text.toString();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // Reported below.
        }
        usage(option + " must be a positive whole number (was " + value + ")");
        return 0;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: bin/clearsky chaos [--questions N] [--quick] [--in-flight N] [--report FILE] [--work-dir DIR]");
        System.exit(2);
    }
}
