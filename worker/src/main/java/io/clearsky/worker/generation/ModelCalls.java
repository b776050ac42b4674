package io.clearsky.worker.generation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a worker calls a model service: at most {@code maxConcurrent} calls at once, transient failures
 * (throttling, unavailable, timeouts) retried with exponential backoff and full jitter, and a circuit
 * breaker that fails fast for a while after repeated failures instead of queueing work behind a dead
 * service. Waits are interruptible, so a query's deadline or cancellation ends them.
 */
public final class ModelCalls {

    private final String service;

    private final Semaphore permits;

    private final int maxRetries;

    private final Duration baseBackoff;

    private final Duration maxBackoff;

    private final int breakerThreshold;

    private final Duration breakerOpenFor;

    private final Clock clock;

    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    private final AtomicReference<Instant> openUntil = new AtomicReference<>(Instant.MIN);

    public ModelCalls(String service, GenerationProperties.Resilience settings, Clock clock) {
        this.service = service;
        this.permits = new Semaphore(settings.maxConcurrentCalls(), true);
        this.maxRetries = settings.maxRetries();
        this.baseBackoff = settings.baseBackoff();
        this.maxBackoff = settings.maxBackoff();
        this.breakerThreshold = settings.breakerThreshold();
        this.breakerOpenFor = settings.breakerOpenFor();
        this.clock = clock;
    }

    /**
     * Runs one model call with the policy.
     *
     * @param isTransient which failures are worth retrying
     * @param failure what a failure that is not worth retrying means to the asker
     * @throws GenerationException when the breaker is open, the retries are spent, the call failed for good,
     * or the query's deadline or a cancel request interrupted the wait
     */
    public <T> T call(Callable<T> call, Predicate<Throwable> isTransient, Function<Exception, GenerationException> failure)
            throws GenerationException {
        Instant now = this.clock.instant();
        if (now.isBefore(this.openUntil.get())) {
            long seconds = Math.max(1, Duration.between(now, this.openUntil.get()).toSeconds());
            throw new GenerationException("MODEL_UNAVAILABLE", this.service + " is failing repeatedly; ClearSky stopped "
                    + "calling it for the next " + seconds + " s. Try again then.", true, null);
        }
        try {
            this.permits.acquire();
            try {
                return withRetries(call, isTransient, failure);
            }
            finally {
                this.permits.release();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new GenerationException("MODEL_INTERRUPTED", "The model call was stopped (deadline or cancel)", false, ex);
        }
    }

    private <T> T withRetries(Callable<T> call, Predicate<Throwable> isTransient,
            Function<Exception, GenerationException> failure) throws GenerationException, InterruptedException {
        for (int attempt = 0;; attempt++) {
            try {
                T result = call.call();
                this.consecutiveFailures.set(0);
                return result;
            }
            catch (InterruptedException ex) {
                throw ex;
            }
            catch (Exception ex) {
                if (!isTransient.test(ex)) {
                    throw failure.apply(ex);
                }
                if (attempt >= this.maxRetries) {
                    if (this.consecutiveFailures.incrementAndGet() >= this.breakerThreshold) {
                        this.openUntil.set(this.clock.instant().plus(this.breakerOpenFor));
                    }
                    throw new GenerationException("MODEL_UNAVAILABLE", this.service + " did not answer after "
                            + (attempt + 1) + ((attempt == 0) ? " attempt" : " attempts")
                            + " (throttled, unavailable or unreachable). Try again shortly.", true, ex);
                }
                Thread.sleep(backoff(attempt).toMillis());
            }
        }
    }

    /** Full jitter: a random wait up to the exponential cap, so retrying workers spread out. */
    Duration backoff(int attempt) {
        long cap = Math.min(this.maxBackoff.toMillis(), this.baseBackoff.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }
}
