package io.clearsky.local.chaos;

import io.clearsky.core.kafka.DurableProducers;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded chaos run: starts the {@link Cluster}, learns each question's fault-free answer, then asks
 * {@code questions} questions through both gateways and the topic, keeping at most {@code inFlight}
 * unanswered, while it kills a worker with SIGKILL and starts it again, publishes poison records,
 * restarts the broker and restarts a gateway, one after the other, each with questions in flight. It then waits,
 * for a bounded time, until every question has ended, and hands what it saw to {@link ChaosChecks}.
 */
final class ChaosRun {

    private static final Logger logger = LoggerFactory.getLogger(ChaosRun.class);

    /** The offline generator's answers are fixed by the text and the read-only lake: one per question. */
    static final List<String> QUESTIONS = List.of("How many customers are there?", "How many orders per status?",
            "What is the average unit price of products?", "List 5 products", "Which customer has the most orders?",
            "How many orders are there?", "What is the weather on Mars?");

    /** How long the run waits for the last questions once nothing has ended for this long. */
    private static final Duration NO_PROGRESS_LIMIT = Duration.ofMinutes(2);

    private final int questions;

    private final int inFlight;

    private final int poisonEach;

    private final Path work;

    private final List<Submission> submissions = new CopyOnWriteArrayList<>();

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    private final Set<String> unfinishedSubmissions = ConcurrentHashMap.newKeySet();

    ChaosRun(int questions, int inFlight, int poisonEach, Path work) {
        this.questions = questions;
        this.inFlight = inFlight;
        this.poisonEach = poisonEach;
        this.work = work;
    }

    ChaosChecks.Result run() throws Exception {
        Path lake = this.work.resolve("lake/demo.duckdb");
        Files.createDirectories(lake.getParent());
        DemoLake.createIfMissing(lake, DemoLake.DEFAULT_ORDERS);
        try (Cluster cluster = new Cluster(this.work, lake, 3)) {
            long starting = System.nanoTime();
            cluster.start();
            logger.info("Broker, 2 gateways and 2 workers ready in {} ms; logs in {}", millisSince(starting),
                    this.work.resolve("logs"));
            try (Observer observer = new Observer(cluster.bootstrapServers());
                    Producer<String, byte[]> producer = DurableProducers.create(Map.of(
                            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()), "clearsky-chaos")) {
                Submitter submitter = new Submitter(cluster.gateways(), producer);
                Map<String, Submission> baseline = baseline(submitter, observer);
                List<String> poison = new CopyOnWriteArrayList<>();
                List<FaultStep> steps = schedule(cluster, producer, poison);
                Thread chaos = Thread.ofPlatform().name("chaos-faults").start(() -> inject(observer, steps));
                submitAll(submitter, observer, steps);
                chaos.join();
                awaitEnd(observer);
                return new ChaosChecks(observer, cluster, Topics.QUESTIONS_DLQ).check(baseline, this.submissions,
                        this.faults, poison, submitter.retries());
            }
        }
    }

    /** Each question once, before any fault: the answers every later copy must equal. */
    private Map<String, Submission> baseline(Submitter submitter, Observer observer) throws InterruptedException {
        Map<String, Submission> baseline = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            baseline.put(question, submitter.viaGateway(0, question));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!baseline.values().stream().allMatch((s) -> observer.ended(s.queryId())) && System.nanoTime() < deadline) {
            Sleep.quietly(Duration.ofMillis(200));
        }
        return baseline;
    }

    private void submitAll(Submitter submitter, Observer observer, List<FaultStep> steps) throws InterruptedException {
        Semaphore outstanding = new Semaphore(this.inFlight);
        try (ExecutorService senders = Executors.newFixedThreadPool(16, Thread.ofVirtual().name("chaos-ask-", 0).factory())) {
            for (int i = 0; i < this.questions; i++) {
                for (int k = 0; k < steps.size(); k++) {
                    if (i == Math.round(this.questions * steps.get(k).atShareAsked())) {
                        // Asking goes on only once the previous fault's target is back, so every fault hits live traffic.
                        if (k > 0) {
                            steps.get(k - 1).done().await();
                        }
                        steps.get(k).reached().countDown();
                    }
                }
                releaseEnded(observer, outstanding);
                while (!outstanding.tryAcquire()) {
                    Sleep.quietly(Duration.ofMillis(20));
                    releaseEnded(observer, outstanding);
                }
                int number = i;
                senders.execute(() -> {
                    String question = QUESTIONS.get(number % QUESTIONS.size());
                    try {
                        Submission submission = switch (number % 3) {
                            case 0 -> submitter.viaGateway(0, question);
                            case 1 -> submitter.viaGateway(1, question);
                            default -> submitter.viaTopic(question);
                        };
                        this.submissions.add(submission);
                        this.unfinishedSubmissions.add(submission.queryId());
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        outstanding.release();
                    }
                    catch (RuntimeException ex) {
                        logger.warn("Question {} was not accepted: {}", number, ex.getMessage());
                        outstanding.release();
                    }
                });
            }
        }
    }

    /** Gives back a slot for every asked question that has ended since the last look. */
    private void releaseEnded(Observer observer, Semaphore outstanding) {
        for (String id : this.unfinishedSubmissions) {
            if (observer.ended(id) && this.unfinishedSubmissions.remove(id)) {
                outstanding.release();
            }
        }
    }

    /**
     * One fault of the schedule: injected once {@code atShareAsked} of the questions have been asked and
     * the previous fault's target is back, while the questions asked since are in flight.
     */
    private record FaultStep(String kind, String target, double atShareAsked, Runnable hit, Runnable recover,
            CountDownLatch reached, CountDownLatch done) {

        FaultStep(String kind, String target, double atShareAsked, Runnable hit, Runnable recover) {
            this(kind, target, atShareAsked, hit, recover, new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    private List<FaultStep> schedule(Cluster cluster, Producer<String, byte[]> producer, List<String> poison) {
        Cluster.Service worker = cluster.workers().getFirst();
        Cluster.Service gateway = cluster.gateways().get(1);
        return List.of(
                new FaultStep("worker-kill-9", worker.process().name(), 0.10, worker.process()::kill,
                        () -> cluster.restart(worker)),
                new FaultStep("poison-records", "clearsky.questions", 0.30, () -> { },
                        () -> poison.addAll(Poison.publish(producer, this.poisonEach))),
                new FaultStep("broker-restart", cluster.broker().name(), 0.45, cluster.broker()::stop,
                        cluster::startBroker),
                new FaultStep("gateway-restart", gateway.process().name(), 0.65, gateway.process()::stop,
                        () -> cluster.restart(gateway)));
    }

    /** Injects each fault in turn when its share of questions is asked and some of them are still in flight. */
    private void inject(Observer observer, List<FaultStep> steps) {
        try {
            for (FaultStep step : steps) {
                step.reached().await();
                awaitInFlight(observer);
                try {
                    fault(observer, step.kind(), step.target(), step.hit(), step.recover());
                }
                finally {
                    step.done().countDown();
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException ex) {
            logger.error("Fault injection stopped: {}", ex.getMessage(), ex);
        }
    }

    /** Until half the in-flight limit is asked and unanswered, for at most 10 s. */
    private void awaitInFlight(Observer observer) {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (this.submissions.stream().filter((s) -> !observer.ended(s.queryId())).count() < this.inFlight / 2
                && System.nanoTime() < giveUpAt) {
            Sleep.quietly(Duration.ofMillis(50));
        }
    }

    /** Injects a fault ({@code hit}), then brings the target back ({@code recover}) and waits for it. */
    private void fault(Observer observer, String kind, String target, Runnable hit, Runnable recover) {
        Set<String> unfinished = new HashSet<>();
        this.submissions.stream().map(Submission::queryId).filter((id) -> !observer.ended(id)).forEach(unfinished::add);
        long started = System.nanoTime();
        logger.info("Fault {} on {} with {} of {} asked questions in flight", kind, target, unfinished.size(),
                this.submissions.size());
        hit.run();
        long restarted = System.nanoTime();
        recover.run();
        long back = System.nanoTime();
        this.faults.add(new Fault(kind, target, started, restarted, back, unfinished));
        logger.info("Fault {} on {}: back after {} ms", kind, target, (back - started) / 1_000_000);
    }

    /** Until every asked question ended, or nothing has ended for {@link #NO_PROGRESS_LIMIT}. */
    private void awaitEnd(Observer observer) {
        int lastCount = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long open = this.submissions.stream().filter((s) -> !observer.ended(s.queryId())).count();
            if (open == 0) {
                break;
            }
            int count = observer.endedCount();
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            }
            else if (System.nanoTime() - lastChange > NO_PROGRESS_LIMIT.toNanos()) {
                logger.warn("{} questions have not ended and nothing ended for {}", open, NO_PROGRESS_LIMIT);
                break;
            }
            Sleep.quietly(Duration.ofMillis(250));
        }
        // Late duplicates would arrive now: give them a moment to be seen.
        Sleep.quietly(Duration.ofSeconds(5));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
