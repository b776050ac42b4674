package io.clearsky.local.chaos;

import io.clearsky.local.dlq.DeadLetter;
import io.clearsky.local.dlq.DeadLetterTopic;
import io.clearsky.schemas.avro.QueryAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the run proves, from what consumers saw on the topics and what the gateways answer: every asked
 * question ended exactly once (none lost, none stuck, no second terminal event or answer), its answer
 * equals the fault-free one of the same question, both gateways report the same end, and every poison
 * record is in the dead-letter topic with its reason. Also measures recovery and end-to-end times.
 */
final class ChaosChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int EXAMPLES = 5;

    private final Observer observer;

    private final Cluster cluster;

    private final String dlqTopic;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The report and whether nothing was lost, duplicated, stuck or wrong. */
    record Result(ObjectNode report, boolean passed) {
    }

    ChaosChecks(Observer observer, Cluster cluster, String dlqTopic) {
        this.observer = observer;
        this.cluster = cluster;
        this.dlqTopic = dlqTopic;
    }

    Result check(Map<String, Submission> baseline, List<Submission> submissions, List<Fault> faults,
            List<String> poison, long gatewayRetries) {
        ObjectNode report = JSON.createObjectNode();
        Map<String, String> expected = new TreeMap<>();
        baseline.forEach((question, submission) -> expected.put(question, signature(this.observer.of(submission.queryId()))));

        Map<String, Long> outcomes = new TreeMap<>();
        Problems lost = new Problems();
        Problems stuck = new Problems();
        Problems duplicateTerminal = new Problems();
        Problems duplicateAnswers = new Problems();
        Problems differentAnswer = new Problems();
        Map<String, Long> endedAfterMs = new ConcurrentHashMap<>();
        for (Submission submission : submissions) {
            Observer.Seen seen = this.observer.of(submission.queryId());
            String id = submission.queryId();
            if (seen == null || (!seen.anyEvent && seen.endedAtNanos == 0)) {
                lost.add(id);
                continue;
            }
            synchronized (seen) {
                if (seen.endedAtNanos == 0) {
                    stuck.add(id);
                    continue;
                }
                outcomes.merge(seen.terminalStatus(), 1L, Long::sum);
                endedAfterMs.put(id, (seen.endedAtNanos - submission.submittedAtNanos()) / 1_000_000);
                if (seen.terminalEvents.size() > 1) {
                    duplicateTerminal.add(id);
                }
                if (seen.answers.size() > 1) {
                    duplicateAnswers.add(id);
                }
                if (!signature(seen).equals(expected.get(submission.question()))) {
                    differentAnswer.add(id + " (" + submission.question() + ")");
                }
            }
        }
        Set<String> asked = submissions.stream().map(Submission::queryId).collect(Collectors.toSet());

        ObjectNode counts = report.putObject("counts");
        counts.put("asked", submissions.size());
        submissions.stream().collect(Collectors.groupingBy(Submission::path, TreeMap::new, Collectors.counting()))
                .forEach((path, count) -> counts.put("asked_via_" + path.replace('-', '_'), count));
        counts.put("gateway_retries", gatewayRetries);
        ObjectNode byOutcome = report.putObject("outcomes");
        outcomes.forEach(byOutcome::put);
        lost.into(report, "lost");
        stuck.into(report, "stuck");
        duplicateTerminal.into(report, "duplicate_terminal_events");
        duplicateAnswers.into(report, "duplicate_answers");
        differentAnswer.into(report, "answers_differing_from_fault_free_run");
        ObjectNode fairRun = report.putObject("fault_free_answers");
        expected.forEach((question, signature) -> fairRun.put(question, signature.length() > 160
                ? signature.substring(0, 160) + "…" : signature));

        Problems gatewayDisagrees = gatewayViews(submissions);
        gatewayDisagrees.into(report, "gateway_views_disagreeing");
        Problems poisonMissing = poison(report, poison);
        long orphans = 0;
        for (String id : this.observer.ids()) {
            if (!asked.contains(id) && !poison.contains(id) && baseline.values().stream().noneMatch((s) -> s.queryId().equals(id))) {
                orphans++;
            }
        }
        // A POST whose response was lost (a gateway stopping mid-request) may have published a question
        // this run never learned the id of; it is retried under a new id, so its first copy is extra, not lost.
        counts.put("questions_with_unacknowledged_submission", orphans);

        faults(report, faults);
        latencies(report, submissions, faults, endedAfterMs);
        boolean passed = lost.count() + stuck.count() + duplicateTerminal.count() + duplicateAnswers.count()
                + differentAnswer.count() + gatewayDisagrees.count() + poisonMissing.count() == 0;
        report.put("passed", passed);
        return new Result(report, passed);
    }

    /** Status, columns and rows: what a user sees of the answer. */
    private static String signature(Observer.Seen seen) {
        QueryAnswer answer = (seen != null) ? seen.firstAnswer() : null;
        if (answer == null) {
            return "no answer";
        }
        return answer.getStatus() + " " + answer.getColumns() + " " + answer.getRows() + " "
                + ((answer.getError() != null) ? answer.getError().getCode() : "");
    }

    /** Every asked query read back through a gateway (alternating), with the end the topics carry. */
    private Problems gatewayViews(List<Submission> submissions) {
        Problems disagree = new Problems();
        AtomicLong checked = new AtomicLong();
        try (ExecutorService readers = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            for (int i = 0; i < submissions.size(); i++) {
                Submission submission = submissions.get(i);
                Cluster.Service gateway = this.cluster.gateways().get(i % 2);
                readers.execute(() -> {
                    Observer.Seen seen = this.observer.of(submission.queryId());
                    String topics = (seen != null) ? seen.terminalStatus() : null;
                    String view = gatewayStatus(gateway, submission.queryId());
                    checked.incrementAndGet();
                    if (topics == null || !topics.equals(view)) {
                        disagree.add(submission.queryId() + " topics " + topics + ", " + gateway.process().name() + " " + view);
                    }
                });
            }
        }
        return disagree;
    }

    private String gatewayStatus(Cluster.Service gateway, String queryId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(gateway.base()
                        + "/api/chat/updates?query_id=" + queryId)).header("X-User-Id", Submitter.USER)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode view = JSON.readTree(response.body());
                    return view.get("done").asBoolean() ? view.get("status").asString() : "not done: " + view.get("status");
                }
                if (response.statusCode() != 503) {
                    return "HTTP " + response.statusCode();
                }
            }
            catch (IOException ex) {
                // Try again below.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            Sleep.quietly(Duration.ofSeconds(1));
        }
        return "unreachable";
    }

    private Problems poison(ObjectNode report, List<String> poison) {
        DeadLetterTopic dlq = new DeadLetterTopic(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                this.cluster.bootstrapServers()), this.dlqTopic);
        Map<String, DeadLetter> letters = dlq.list(Set.copyOf(poison)).stream()
                .collect(Collectors.toMap(DeadLetter::id, Function.identity(), (first, second) -> first));
        Problems missing = new Problems();
        Map<String, Long> reasons = new TreeMap<>();
        for (String key : poison) {
            DeadLetter letter = letters.get(key);
            if (letter == null || letter.reason() == null || letter.reason().isBlank()) {
                missing.add(key);
            }
            else {
                reasons.merge(letter.reasonCode(), 1L, Long::sum);
            }
        }
        ObjectNode node = report.putObject("poison");
        node.put("published", poison.size());
        node.put("in_dlq_with_reason", poison.size() - missing.count());
        ObjectNode byReason = node.putObject("reasons");
        reasons.forEach(byReason::put);
        long endedOnce = poison.stream().filter((key) -> {
            Observer.Seen seen = this.observer.of(key);
            return seen != null && seen.terminalEvents.size() == 1;
        }).count();
        node.put("ended_exactly_once", endedOnce);
        missing.into(report, "poison_missing_from_dlq");
        return missing;
    }

    private void faults(ObjectNode report, List<Fault> faults) {
        ArrayNode nodes = report.putArray("faults");
        for (Fault fault : faults) {
            ObjectNode node = nodes.addObject();
            node.put("kind", fault.kind()).put("target", fault.target())
                    .put("back_after_ms", (fault.backAtNanos() - fault.startedAtNanos()) / 1_000_000)
                    .put("restart_to_ready_ms", (fault.backAtNanos() - fault.restartedAtNanos()) / 1_000_000)
                    .put("in_flight", fault.inFlight().size());
            long drained = drainedAfterNanos(fault);
            if (drained >= 0) {
                node.put("in_flight_all_ended_after_ms", drained / 1_000_000);
            }
            if (fault.kind().equals("gateway-restart")) {
                // The gateway is ready once its stores are restored (readiness includes the state stores).
                report.put("store_restore_ms", (fault.backAtNanos() - fault.restartedAtNanos()) / 1_000_000);
            }
        }
    }

    /** Time from the fault until the last query in flight at the fault ended; -1 when one never did. */
    private long drainedAfterNanos(Fault fault) {
        long last = fault.startedAtNanos();
        for (String id : fault.inFlight()) {
            Observer.Seen seen = this.observer.of(id);
            if (seen == null || seen.endedAtNanos == 0) {
                return -1;
            }
            last = Math.max(last, seen.endedAtNanos);
        }
        return last - fault.startedAtNanos();
    }

    /** p50/p99 of asking to the terminal event, for queries alive during a fault's recovery and the others. */
    private void latencies(ObjectNode report, List<Submission> submissions, List<Fault> faults,
            Map<String, Long> endedAfterMs) {
        List<long[]> windows = new ArrayList<>();
        for (Fault fault : faults) {
            long drained = drainedAfterNanos(fault);
            windows.add(new long[] { fault.startedAtNanos(), fault.startedAtNanos()
                    + Math.max(drained, fault.backAtNanos() - fault.startedAtNanos()) });
        }
        List<Long> during = new ArrayList<>();
        List<Long> outside = new ArrayList<>();
        for (Submission submission : submissions) {
            Long ms = endedAfterMs.get(submission.queryId());
            if (ms == null) {
                continue;
            }
            long start = submission.submittedAtNanos();
            long end = start + ms * 1_000_000;
            boolean inFault = windows.stream().anyMatch((w) -> start <= w[1] && end >= w[0]);
            (inFault ? during : outside).add(ms);
        }
        ObjectNode node = report.putObject("end_to_end_ms");
        percentiles(node.putObject("during_faults"), during);
        percentiles(node.putObject("outside_faults"), outside);
    }

    private static void percentiles(ObjectNode node, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        node.put("queries", sorted.size());
        if (!sorted.isEmpty()) {
            node.put("p50", sorted.get((int) Math.ceil(sorted.size() * 0.50) - 1));
            node.put("p99", sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
            node.put("max", sorted.getLast());
        }
    }

    /** Ids failing one check: the count and the first few, for the report. */
    private static final class Problems {

        private final Set<String> examples = ConcurrentHashMap.newKeySet();

        private final AtomicLong count = new AtomicLong();

        void add(String example) {
            if (this.count.incrementAndGet() <= EXAMPLES) {
                this.examples.add(example);
            }
        }

        long count() {
            return this.count.get();
        }

        void into(ObjectNode report, String name) {
            ObjectNode node = report.putObject(name);
            node.put("count", count());
            ArrayNode list = node.putArray("examples");
            new HashSet<>(this.examples).forEach(list::add);
        }
    }
}
