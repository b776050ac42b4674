package io.clearsky.worker.watchdog;

import io.clearsky.schemas.avro.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches running queries for progress. The pipeline opens a {@link Watch} per run and reports each step;
 * {@link #sweep()} (run every {@code interval} once {@link #start()} is called) expires every watch whose
 * stage deadline passed since its last step. Expiring only asks the run to end: the run itself guarantees
 * that a late answer and the watchdog cannot both end it. Sweeps have their own thread, so ending a
 * query (which waits for the broker) never delays the query deadlines.
 */
public final class StageWatchdog implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(StageWatchdog.class);

    private final Map<Stage, Duration> deadlines;

    private final Duration interval;

    private final Clock clock;

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("clearsky-stage-watchdog").daemon().factory());

    public StageWatchdog(WatchdogProperties properties, Clock clock) {
        this.deadlines = properties.deadlines();
        this.interval = properties.interval();
        this.clock = clock;
    }

    /** Sweeps every {@code interval} until closed. */
    public StageWatchdog start() {
        this.sweeper.scheduleWithFixedDelay(this::sweep, this.interval.toMillis(), this.interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        this.sweeper.shutdownNow();
    }

    /**
     * Starts watching a run that is about to begin its first stage.
     *
     * @param onExpiry how to end the run when it makes no progress in time
     */
    public Watch watch(Expiry onExpiry) {
        Watch watch = new Watch(onExpiry, this.clock.instant());
        this.watches.add(watch);
        return watch;
    }

    /** Expires every watched run that has been silent in its stage for longer than the stage's deadline. */
    public void sweep() {
        Instant now = this.clock.instant();
        for (Watch watch : this.watches) {
            Watch.Step step = watch.step;
            Duration deadline = this.deadlines.get(step.stage());
            if (deadline != null && !now.isBefore(step.at().plus(deadline)) && this.watches.remove(watch)) {
                try {
                    watch.onExpiry.expire(step.stage(), deadline);
                }
                catch (RuntimeException ex) {
                    // The run keeps its query deadline; the next sweeps must still run.
                    logger.warn("A query silent in {} could not be ended by the watchdog: {}", step.stage(), ex.getMessage());
                }
            }
        }
    }

    /** Runs being watched now. */
    public int watching() {
        return this.watches.size();
    }

    /** Ends a run that made no progress: called at most once per watch, on the sweeping thread. */
    @FunctionalInterface
    public interface Expiry {

        void expire(Stage stage, Duration deadline);
    }

    /** One run's last step; closing it stops the watch. */
    public final class Watch implements AutoCloseable {

        private record Step(Stage stage, Instant at) {
        }

        private final Expiry onExpiry;

        private volatile Step step;

        private Watch(Expiry onExpiry, Instant started) {
            this.onExpiry = onExpiry;
            this.step = new Step(Stage.INTAKE, started);
        }

        /** Notes a step of the run: its deadline starts again, for the stage it is in now. */
        public void progressed(Stage stage) {
            this.step = new Step(stage, StageWatchdog.this.clock.instant());
        }

        @Override
        public void close() {
            StageWatchdog.this.watches.remove(this);
        }
    }
}
