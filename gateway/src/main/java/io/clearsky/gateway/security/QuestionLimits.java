package io.clearsky.gateway.security;

import io.clearsky.gateway.store.QueryView;
import io.clearsky.gateway.store.UpdateNotifier;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Caps the questions each signed-in user and each API key has queued or running at once. A question
 * counts from the moment it is accepted until this instance sees it end (it sees every question whose
 * partition it owns at once) or, at the latest, {@code clearsky.security.limits.in-flight-timeout} later.
 */
public final class QuestionLimits {

    private static final long RETRY_AFTER_SECONDS = 5;

    private final SecurityProperties.Limits limits;

    private final UpdateNotifier notifier;

    private final GatewayAudit audit;

    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    QuestionLimits(SecurityProperties.Limits limits, UpdateNotifier notifier, GatewayAudit audit) {
        this.limits = limits;
        this.notifier = notifier;
        this.audit = audit;
    }

    /** A question counted against its caller's cap until it ends or {@link #release()} is called. */
    public interface Reservation {

        /** Gives the place back at once, e.g. because the question could not be queued. */
        void release();
    }

    /**
     * Counts {@code queryId} as one more question of {@code caller} in flight.
     *
     * @throws ErrorResponseException 429 with {@code Retry-After} when the caller is at the cap; audited
     */
    public Reservation reserve(Caller caller, String queryId) {
        SecurityProperties.Limit limit = limitOf(caller);
        if (limit == null || limit.maxInFlight() == 0) {
            return () -> { };
        }
        AtomicInteger count = this.inFlight.computeIfAbsent(caller.limitKey(), (key) -> new AtomicInteger());
        if (count.incrementAndGet() > limit.maxInFlight()) {
            count.decrementAndGet();
            this.audit.refusal(caller, "RATE_LIMITED", "IN_FLIGHT_LIMIT",
                    "more than " + limit.maxInFlight() + " questions in flight");
            throw tooMany("You have " + limit.maxInFlight() + " questions queued or running; ask again when one has ended",
                    RETRY_AFTER_SECONDS);
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                count.decrementAndGet();
            }
        };
        this.notifier.updates(queryId).filter(QueryView::done).next()
                .timeout(this.limits.inFlightTimeout(), reactor.core.publisher.Mono.empty())
                .doFinally((signal) -> release.run())
                .subscribe();
        return release::run;
    }

    /** The limits that apply to {@code caller}; null for local and anonymous callers, who have none. */
    SecurityProperties.Limit limitOf(Caller caller) {
        return switch (caller.kind()) {
            case TOKEN -> this.limits.user();
            case API_KEY -> this.limits.apiKey();
            case LOCAL, ANONYMOUS -> null;
        };
    }

    static ErrorResponseException tooMany(String detail, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setProperty("retry_after_seconds", retryAfterSeconds);
        ErrorResponseException ex = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        ex.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return ex;
    }

    /** How many questions of the caller are counted now. */
    int inFlight(Caller caller) {
        AtomicInteger count = this.inFlight.get(caller.limitKey());
        return (count != null) ? count.get() : 0;
    }

    static Duration retryAfter() {
        return Duration.ofSeconds(RETRY_AFTER_SECONDS);
    }
}
