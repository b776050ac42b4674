package io.clearsky.local.bench;

import io.clearsky.core.kafka.DurableProducers;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.gateway.GatewayApplication;
import io.clearsky.local.EmbeddedBroker;
import io.clearsky.local.LocalApplication;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.worker.WorkerApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.SerializationFeature;

/**
 * Measures the asynchronous architecture on loopback: the product in this process (embedded broker,
 * gateway, worker) with the model and engine replaced by stages that only wait
 * ({@link SimulatedStages}), driven by a bounded HTTP client. Writes a JSON report and a summary.
 * <p>
 * {@code bin/clearsky bench [--quick]}; the report goes to {@code target/bench/report.json}.
 */
public final class ArchitectureBench {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final String QUESTION = "{\"question\": \"How many orders are there?\"}";

    private final boolean quick;

    /** The scenarios to run ({@code --only overhead,visibility}), or empty for all of them. */
    private final Set<String> only;

    private final Path data;

    private final EmbeddedBroker broker;

    private HttpClient http = client();

    /** Long-polls that got no answer within their timeout (the server holds them at most 5 s). */
    private final AtomicLong stalledPolls = new AtomicLong();

    private ConfigurableApplicationContext product;

    private String base;

    private ArchitectureBench(boolean quick, Set<String> only) throws IOException {
        this.quick = quick;
        this.only = only;
        this.data = Files.createTempDirectory("clearsky-bench");
        DemoLake.createIfMissing(this.data.resolve("lake/demo.duckdb"), 1_000);
        this.broker = EmbeddedBroker.start(this.data.resolve("kafka"), freePort());
    }

    public static void main(String[] args) throws Exception {
        for (String name : new String[] { "kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper" }) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        boolean quick = Arrays.asList(args).contains("--quick");
        Path report = Arrays.stream(args).filter((a) -> a.endsWith(".json")).findFirst().map(Path::of)
                .orElse(Path.of("target/bench/report.json"));
        int onlyAt = Arrays.asList(args).indexOf("--only");
        Set<String> only = (onlyAt >= 0 && onlyAt + 1 < args.length) ? Set.of(args[onlyAt + 1].split(",")) : Set.of();
        ArchitectureBench bench = new ArchitectureBench(quick, only);
        ObjectNode result;
        try {
            result = bench.run();
        }
        finally {
            bench.close();
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, JSON.writeValueAsString(result));
        System.out.println(summary(result));
        System.out.println("Report: " + report.toAbsolutePath());
        System.exit(0);
    }

    private ObjectNode run() throws Exception {
        ObjectNode report = JSON.createObjectNode();
        ObjectNode machine = report.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jdk", Runtime.version().toString());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("mode", this.quick ? "quick" : "full");
        machine.put("note", "Everything (broker, gateway, worker, load client) shares this process and its cores; "
                + "repeat runs and compare medians, the spread shows the noise.");

        ObjectNode footprint = report.putObject("footprint");
        footprint.put("cold_start_ms", startProduct(1000));
        footprint.put("idle_rss_mb", idleRss());
        this.product.close();
        footprint.put("warm_start_ms", startProduct(1000));
        footprint.put("idle_rss_mb_after_warm_start", idleRss());

        // Latency scenarios first, on a quiet pipeline; the intake's backlog (30,000 questions a run) last.
        scenario(report, "pipeline_overhead", (node) -> overhead(node, 1));
        scenario(report, "pipeline_overhead_8_clients", (node) -> overhead(node, 8));
        scenario(report, "visibility", this::visibility);
        scenario(report, "concurrency", this::concurrency);
        scenario(report, "intake", (node) -> intake(node, footprint));
        this.product.close();
        scenario(report, "scale_out", this::scaleOut);
        // Last: nothing consumes the questions it leaves on the topic.
        scenario(report, "intake_gateway_only", this::gatewayIntake);
        targets(report);
        return report;
    }

    @FunctionalInterface
    private interface Scenario {

        void run(ObjectNode node) throws Exception;
    }

    /** Runs one scenario unless left out; a failed one is reported as such and the others still run. */
    private void scenario(ObjectNode report, String name, Scenario scenario) throws InterruptedException {
        if (!this.only.isEmpty() && !this.only.contains(name)) {
            return;
        }
        ObjectNode node = report.putObject(name);
        // A fresh client per scenario: connections idled by the previous one are not reused half-closed.
        this.http = client();
        try {
            scenario.run(node);
        }
        catch (Exception ex) {
            node.put("error", ex.toString());
            System.err.println("Scenario failed: " + ex);
            drain();
        }
    }

    /** Starts the local product with the simulated stages; returns the start-up time in ms. */
    private long startProduct(int maxInFlight) throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        // The simulated stages come first, so the product's own generator and engine step aside.
        this.product = new SpringApplicationBuilder(SimulatedStages.class, LocalApplication.class)
                .run(common(maxInFlight, "--spring.kafka.streams.state-dir=" + this.data.resolve("streams"),
                        "--server.port=" + port, "--server.address=127.0.0.1",
                        "--spring.main.web-application-type=reactive"));
        this.base = "http://127.0.0.1:" + port;
        waitUntilHealthy();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private String[] common(int maxInFlight, String... own) {
        List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
                "--clearsky.lake.duckdb-path=" + this.data.resolve("lake/demo.duckdb"),
                "--clearsky.worker.max-in-flight=" + maxInFlight, "--clearsky.charts.short-urls=false",
                "--logging.level.root=WARN", "--logging.level.io.clearsky=WARN"));
        args.addAll(List.of(own));
        return args.toArray(String[]::new);
    }

    /** Intake with the whole product in this process: the worker's stages compete for the same cores. */
    private void intake(ObjectNode intake, ObjectNode footprint) throws Exception {
        // The worker mostly waits meanwhile, so intake is measured beside a live but light pipeline.
        SimulatedStages.GENERATION.set(Duration.ofSeconds(2));
        SimulatedStages.EXECUTION.set(Duration.ofMillis(10));
        footprint.put("rss_mb_under_intake_load", intakeRuns(intake));
    }

    /**
     * Intake as deployed: a gateway alone, the workers elsewhere. The gateway still applies every
     * question to its stores; only the worker's share of the cores is gone.
     */
    private void gatewayIntake(ObjectNode intake) throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(SimulatedStages.class,
                GatewayApplication.class).run(common(1000, "--spring.kafka.streams.state-dir=" + this.data.resolve("streams-gw"),
                        "--server.port=" + port, "--server.address=127.0.0.1"))) {
            this.base = "http://127.0.0.1:" + port;
            waitUntilHealthy();
            intakeRuns(intake);
        }
    }

    /** Bare endpoint and POST /api/chat/query at the same offered rate, alternating; returns the most RSS seen. */
    private long intakeRuns(ObjectNode intake) throws Exception {
        int rate = this.quick ? 300 : 1_000;
        Duration duration = Duration.ofSeconds(this.quick ? 5 : 30);
        int repetitions = this.quick ? 1 : 3;
        intake.put("offered_rate_per_s", rate).put("seconds", duration.toSeconds()).put("repetitions", repetitions);
        OpenLoad.run(this.http, URI.create(this.base + "/bench/bare"), QUESTION, rate, Duration.ofSeconds(2));
        List<OpenLoad.Result> bare = new ArrayList<>();
        List<OpenLoad.Result> real = new ArrayList<>();
        long loadedRss = 0;
        for (int i = 0; i < repetitions; i++) {
            bare.add(OpenLoad.run(this.http, URI.create(this.base + "/bench/bare"), QUESTION, rate, duration));
            RssSampler sampler = RssSampler.start();
            real.add(OpenLoad.run(this.http, URI.create(this.base + "/api/chat/query"), QUESTION, rate, duration));
            loadedRss = Math.max(loadedRss, sampler.stop());
            drain();
        }
        write(intake.putObject("bare_endpoint"), bare);
        write(intake.putObject("clearsky_intake"), real);
        double ratio = median(real.stream().mapToDouble(OpenLoad.Result::throughput).toArray())
                / median(bare.stream().mapToDouble(OpenLoad.Result::throughput).toArray());
        intake.put("throughput_ratio", Percentiles.round(ratio));
        return loadedRss;
    }

    private static void write(ObjectNode node, List<OpenLoad.Result> results) {
        node.put("throughput_per_s_median", Percentiles.round(median(
                results.stream().mapToDouble(OpenLoad.Result::throughput).toArray())));
        node.put("p50_ms_median", median(results.stream().mapToDouble((r) -> r.latencyMs().p50()).toArray()));
        node.put("p99_ms_median", median(results.stream().mapToDouble((r) -> r.latencyMs().p99()).toArray()));
        var runs = node.putArray("runs");
        for (OpenLoad.Result result : results) {
            runs.addObject().put("offered", result.offered()).put("succeeded", result.succeeded())
                    .put("failed", result.failed()).put("throughput_per_s", Percentiles.round(result.throughput()))
                    .put("p50_ms", result.latencyMs().p50()).put("p99_ms", result.latencyMs().p99())
                    .put("max_ms", result.latencyMs().max());
        }
    }

    /** POST to terminal state seen through /updates, minus the simulated model and engine time. */
    private void overhead(ObjectNode node, int clients) throws Exception {
        Duration generation = Duration.ofMillis(50);
        Duration execution = Duration.ofMillis(20);
        SimulatedStages.GENERATION.set(generation);
        SimulatedStages.EXECUTION.set(execution);
        int questions = this.quick ? 60 : 300;
        ConcurrentLinkedQueue<Long> overheads = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Long>> phases = new LinkedHashMap<>();
        for (String phase : PHASES) {
            phases.put(phase, new ConcurrentLinkedQueue<>());
        }
        long simulated = generation.plus(execution).toNanos();
        int warmUp = Math.max(20, clients * 5);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < warmUp + questions; i++) {
                boolean measured = i >= warmUp;
                all.add(CompletableFuture.runAsync(() -> {
                    long start = System.nanoTime();
                    Instant posted = Instant.now();
                    String id = ask();
                    awaitDone(id);
                    Instant seen = Instant.now();
                    if (measured) {
                        overheads.add(System.nanoTime() - start - simulated);
                        long[] spent = phases(view(id), posted, seen, simulated);
                        for (int phase = 0; phase < PHASES.size(); phase++) {
                            phases.get(PHASES.get(phase)).add(spent[phase]);
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        }
        Percentiles p = Percentiles.ofNanos(overheads);
        node.put("questions", questions).put("warm_up_questions", warmUp).put("concurrent_clients", clients)
                .put("simulated_ms", generation.plus(execution).toMillis())
                .put("p50_ms", p.p50()).put("p99_ms", p.p99()).put("max_ms", p.max())
                .put("stalled_polls", this.stalledPolls.get());
        ObjectNode breakdown = node.putObject("where_the_time_goes");
        phases.forEach((phase, nanos) -> {
            Percentiles share = Percentiles.ofNanos(nanos);
            breakdown.putObject(phase).put("p50_ms", share.p50()).put("p99_ms", share.p99());
        });
    }

    /** The phases of a question's way, from the clock readings the product itself writes into its events. */
    private static final List<String> PHASES = List.of("post_to_queued", "queued_to_worker", "worker_minus_simulated",
            "terminal_event_to_store", "store_to_client");

    /** Nanoseconds spent in each of {@link #PHASES}, in that order. */
    private static long[] phases(JsonNode done, Instant posted, Instant seen, long simulatedNanos) {
        JsonNode events = done.get("events");
        Instant queued = Instant.parse(events.get(0).get("emitted_at").asString());
        Instant picked = Instant.parse(events.get(1).get("emitted_at").asString());
        Instant terminal = Instant.parse(events.get(events.size() - 1).get("emitted_at").asString());
        Instant stored = Instant.parse(done.get("updated_at").asString());
        return new long[] { between(posted, queued), between(queued, picked), between(picked, terminal) - simulatedNanos,
                between(terminal, stored), between(stored, seen) };
    }

    private static long between(Instant from, Instant to) {
        return Duration.between(from, to).toNanos();
    }

    /** A question published straight onto the topic, while a long-poll waits for it. */
    private void visibility(ObjectNode node) throws Exception {
        SimulatedStages.GENERATION.set(Duration.ofSeconds(1));
        int samples = this.quick ? 40 : 200;
        ConcurrentLinkedQueue<Long> visible = new ConcurrentLinkedQueue<>();
        AvroSerde<QuestionSubmitted> serde = AvroSerde.questionSubmitted();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (Producer<String, byte[]> producer = DurableProducers.create(settings, "bench-visibility")) {
            for (int i = 0; i < samples; i++) {
                String id = UUID.randomUUID().toString();
                AtomicLong seen = new AtomicLong();
                CompletableFuture<Void> poll = this.http.sendAsync(get("/api/chat/updates?query_id=" + id + "&wait=10"),
                        HttpResponse.BodyHandlers.discarding()).thenAccept((response) -> seen.set(System.nanoTime()));
                Thread.sleep(30);
                QuestionSubmitted question = QuestionSubmitted.newBuilder().setQueryId(id).setSessionId("bench")
                        .setQuestion("How many orders are there?").setSource("bench")
                        .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
                long produced = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.QUESTIONS, id, serde.serialize(Topics.QUESTIONS, question)))
                        .get(10, TimeUnit.SECONDS);
                poll.get(15, TimeUnit.SECONDS);
                visible.add(seen.get() - produced);
            }
        }
        Percentiles p = Percentiles.ofNanos(visible);
        node.put("samples", samples).put("p50_ms", p.p50()).put("p99_ms", p.p99()).put("max_ms", p.max())
                .put("measured", "from producing a record to the long-poll's answer showing it");
        drain();
    }

    /** Many questions at once against one worker whose model takes 2 s. */
    private void concurrency(ObjectNode node) throws Exception {
        Duration model = Duration.ofSeconds(2);
        SimulatedStages.GENERATION.set(model);
        SimulatedStages.EXECUTION.set(Duration.ofMillis(10));
        SimulatedStages.MOST_GENERATING.set(0);
        int questions = this.quick ? 600 : 1_500;
        RunStats stats = burst(questions);
        node.put("questions", questions).put("model_latency_ms", model.toMillis())
                .put("max_in_flight_setting", 1_000)
                .put("most_in_flight", SimulatedStages.MOST_GENERATING.get())
                .put("completed_per_s", Percentiles.round(stats.perSecond()))
                .put("seconds", Percentiles.round(stats.seconds()));
    }

    /** One worker, then two, each limited to 50 questions at once: completed questions per second. */
    private void scaleOut(ObjectNode node) throws Exception {
        int limit = 50;
        Duration model = Duration.ofSeconds(1);
        SimulatedStages.GENERATION.set(model);
        SimulatedStages.EXECUTION.set(Duration.ofMillis(10));
        int questions = this.quick ? 300 : 800;
        startProduct(limit);
        RunStats one = burst(questions);
        ConfigurableApplicationContext second = new SpringApplicationBuilder(SimulatedStages.class,
                WorkerApplication.class).run(common(limit, "--spring.main.web-application-type=none",
                        "--spring.application.name=clearsky-worker"));
        try {
            // Let the group rebalance so both workers own partitions.
            Thread.sleep(8_000);
            RunStats two = burst(questions);
            node.put("questions", questions).put("max_in_flight_per_worker", limit)
                    .put("model_latency_ms", model.toMillis())
                    .put("one_worker_per_s", Percentiles.round(one.perSecond()))
                    .put("two_workers_per_s", Percentiles.round(two.perSecond()))
                    .put("ratio", Percentiles.round(two.perSecond() / one.perSecond()))
                    .put("note", "Both workers run in this process; the ratio shows partitions spreading work "
                            + "across consumers, not extra CPU.");
        }
        finally {
            second.close();
            this.product.close();
        }
    }

    private record RunStats(int questions, double seconds) {

        double perSecond() {
            return this.questions / this.seconds;
        }
    }

    /** Submits questions as fast as the API takes them and waits until every one has been executed. */
    private RunStats burst(int questions) throws Exception {
        long executedBefore = SimulatedStages.EXECUTED.get();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> posts = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            posts.add(this.http.sendAsync(post("/api/chat/query", QUESTION), HttpResponse.BodyHandlers.discarding()));
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (SimulatedStages.EXECUTED.get() - executedBefore < questions && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return new RunStats(questions, (System.nanoTime() - start) / 1e9);
    }

    /** Waits until the worker has nothing in flight, so one scenario's backlog does not load the next. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = SimulatedStages.EXECUTED.get();
            if (now == last && SimulatedStages.GENERATING.get() == 0) {
                return;
            }
            last = now;
            Thread.sleep(2_500);
        }
    }

    private String ask() {
        try {
            HttpResponse<String> response = this.http.send(post("/api/chat/query", QUESTION),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("query_id").asString();
        }
        catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Long-polls until the query is done; a poll that gets no answer in time is counted and repeated. */
    private void awaitDone(String id) {
        long since = -1;
        try {
            while (true) {
                HttpResponse<String> response;
                try {
                    response = this.http.send(HttpRequest.newBuilder(URI.create(this.base
                            + "/api/chat/updates?query_id=" + id + "&since=" + since + "&wait=5"))
                            .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
                }
                catch (java.net.http.HttpTimeoutException ex) {
                    this.stalledPolls.incrementAndGet();
                    continue;
                }
                if (response.statusCode() == 200) {
                    JsonNode state = JSON.readTree(response.body());
                    if (state.get("done").asBoolean()) {
                        return;
                    }
                    since = state.get("seq").asLong();
                }
            }
        }
        catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A query's whole view, every event included. */
    private JsonNode view(String id) {
        try {
            return JSON.readTree(this.http.send(get("/api/chat/updates?query_id=" + id),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void waitUntilHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (this.http.send(get("/api/config/health"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the product did not become healthy");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    private static long idleRss() throws InterruptedException {
        Thread.sleep(5_000);
        System.gc();
        Thread.sleep(1_000);
        return RssSampler.rssMb();
    }

    private static void targets(ObjectNode report) {
        ObjectNode targets = report.putObject("targets");
        targets.put("intake_ratio_at_least_0_5", met(report, "/intake/throughput_ratio", 0.5, true));
        targets.put("intake_p99_below_20_ms", met(report, "/intake/clearsky_intake/p99_ms_median", 20, false));
        targets.put("gateway_only_intake_ratio_at_least_0_5", met(report, "/intake_gateway_only/throughput_ratio", 0.5, true));
        targets.put("gateway_only_intake_p99_below_20_ms",
                met(report, "/intake_gateway_only/clearsky_intake/p99_ms_median", 20, false));
        targets.put("overhead_p50_at_most_30_ms", met(report, "/pipeline_overhead/p50_ms", 30, false));
        targets.put("overhead_p99_at_most_150_ms", met(report, "/pipeline_overhead/p99_ms", 150, false));
        targets.put("overhead_8_clients_p50_at_most_30_ms", met(report, "/pipeline_overhead_8_clients/p50_ms", 30, false));
        targets.put("overhead_8_clients_p99_at_most_150_ms", met(report, "/pipeline_overhead_8_clients/p99_ms", 150, false));
        targets.put("at_least_500_in_flight", met(report, "/concurrency/most_in_flight", 500, true));
        targets.put("visibility_p50_at_most_20_ms", met(report, "/visibility/p50_ms", 20, false));
        targets.put("idle_rss_at_most_600_mb", met(report, "/footprint/idle_rss_mb", 600, false));
    }

    /** Whether the figure at {@code path} reaches the target; a missing figure (failed scenario) does not. */
    private static boolean met(JsonNode report, String path, double target, boolean atLeast) {
        JsonNode figure = report.at(path);
        if (!figure.isNumber()) {
            return false;
        }
        return atLeast ? figure.asDouble() >= target : figure.asDouble() <= target;
    }

    private static String summary(JsonNode r) {
        return String.format("""

                ClearSky architecture benchmark (%s, %d cores, JDK %s)
                  intake      %s req/s offered: ClearSky %s req/s p50 %s ms p99 %s ms; bare endpoint %s req/s p99 %s ms; ratio %s
                  gateway     alone, as deployed: ClearSky %s req/s p50 %s ms p99 %s ms; bare endpoint %s req/s p99 %s ms; ratio %s
                  overhead    POST to terminal state minus simulated stages, 1 client: p50 %s ms, p99 %s ms; 8 clients: p50 %s ms, p99 %s ms
                  visibility  produced to readable via /updates: p50 %s ms, p99 %s ms
                  concurrency one worker, 2 s model: %s in flight at most, %s completed/s
                  scale-out   1 worker %s/s, 2 workers %s/s, ratio %s
                  footprint   cold start %s ms, warm start %s ms, idle RSS %s MB, under load %s MB
                  targets     %s
                """, r.at("/machine/mode").asString(), r.at("/machine/cores").asInt(), r.at("/machine/jdk").asString(),
                r.at("/intake/offered_rate_per_s"), r.at("/intake/clearsky_intake/throughput_per_s_median"),
                r.at("/intake/clearsky_intake/p50_ms_median"), r.at("/intake/clearsky_intake/p99_ms_median"),
                r.at("/intake/bare_endpoint/throughput_per_s_median"), r.at("/intake/bare_endpoint/p99_ms_median"),
                r.at("/intake/throughput_ratio"), r.at("/intake_gateway_only/clearsky_intake/throughput_per_s_median"),
                r.at("/intake_gateway_only/clearsky_intake/p50_ms_median"),
                r.at("/intake_gateway_only/clearsky_intake/p99_ms_median"),
                r.at("/intake_gateway_only/bare_endpoint/throughput_per_s_median"),
                r.at("/intake_gateway_only/bare_endpoint/p99_ms_median"), r.at("/intake_gateway_only/throughput_ratio"),
                r.at("/pipeline_overhead/p50_ms"), r.at("/pipeline_overhead/p99_ms"),
                r.at("/pipeline_overhead_8_clients/p50_ms"), r.at("/pipeline_overhead_8_clients/p99_ms"),
                r.at("/visibility/p50_ms"), r.at("/visibility/p99_ms"), r.at("/concurrency/most_in_flight"),
                r.at("/concurrency/completed_per_s"), r.at("/scale_out/one_worker_per_s"),
                r.at("/scale_out/two_workers_per_s"), r.at("/scale_out/ratio"), r.at("/footprint/cold_start_ms"),
                r.at("/footprint/warm_start_ms"), r.at("/footprint/idle_rss_mb"),
                r.at("/footprint/rss_mb_under_intake_load"), r.get("targets"));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Percentiles.round(sorted[sorted.length / 2]);
    }

    private void close() {
        if (this.product != null && this.product.isActive()) {
            this.product.close();
        }
        this.broker.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Samples the resident set size of this process until stopped; reports the largest, in MB. */
    private static final class RssSampler {

        private final AtomicLong most = new AtomicLong();

        private volatile boolean running = true;

        private Thread thread;

        static RssSampler start() {
            RssSampler sampler = new RssSampler();
            sampler.thread = Thread.ofPlatform().daemon().start(() -> {
                while (sampler.running) {
                    sampler.most.accumulateAndGet(rssMb(), Math::max);
                    try {
                        Thread.sleep(250);
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
            });
            return sampler;
        }

        long stop() throws InterruptedException {
            this.running = false;
            this.thread.join();
            return this.most.get();
        }

        static long rssMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            }
            catch (IOException ex) {
                // not Linux: fall through
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        }
    }
}
