package io.clearsky.worker.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which queries someone asked to stop, and how to stop the ones this worker runs. A request for a
 * query that is not running here is remembered for a while, because its question may still be waiting
 * in this worker's backlog or reach it after a rebalance.
 */
public final class Cancellations {

    /** Stops one running query. */
    public interface Registration extends AutoCloseable {

        @Override
        void close();
    }

    private final Map<String, Instant> requested = new ConcurrentHashMap<>();

    private final Map<String, Runnable> running = new ConcurrentHashMap<>();

    private final Duration memory;

    private final Clock clock;

    /**
     * @param memory how long a request is remembered; longer than a question may wait for a worker
     */
    public Cancellations(Duration memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    /** A request arrived: stops the query if it runs here, and remembers it otherwise. */
    public void request(String queryId, Instant requestedAt) {
        Instant now = this.clock.instant();
        if (requestedAt.plus(this.memory).isBefore(now)) {
            return;
        }
        this.requested.put(queryId, requestedAt);
        this.requested.values().removeIf((at) -> at.plus(this.memory).isBefore(now));
        Runnable stop = this.running.get(queryId);
        if (stop != null) {
            stop.run();
        }
    }

    /** Whether someone asked to stop this query recently. */
    public boolean requested(String queryId) {
        Instant at = this.requested.get(queryId);
        return at != null && !at.plus(this.memory).isBefore(this.clock.instant());
    }

    /**
     * Makes a query that starts running here stoppable until the registration is closed. A request that
     * arrived in the meantime stops it at once.
     */
    public Registration track(String queryId, Runnable stop) {
        this.running.put(queryId, stop);
        if (requested(queryId)) {
            stop.run();
        }
        return () -> this.running.remove(queryId, stop);
    }
}
