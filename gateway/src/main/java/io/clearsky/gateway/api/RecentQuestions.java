package io.clearsky.gateway.api;

import io.clearsky.gateway.store.QueryView;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Questions this instance accepted in the last minutes. The stores see a question a moment after the
 * broker acknowledged it (the session store later still, behind a repartition topic); for that moment
 * reads are completed from here, so whoever asked reads their own question rather than a 404.
 * <p>
 * Every operation costs the same however many questions are kept: questions expire from the head of
 * an arrival-ordered queue, and each session keeps its own short list.
 */
final class RecentQuestions {

    private final Duration keep;

    private final int max;

    private final Clock clock;

    private final Map<String, QuestionSubmitted> byId = new ConcurrentHashMap<>();

    private final Map<String, Queue<QuestionSubmitted>> bySession = new ConcurrentHashMap<>();

    private final Queue<QuestionSubmitted> arrivals = new ConcurrentLinkedQueue<>();

    private final ReentrantLock eviction = new ReentrantLock();

    RecentQuestions() {
        this(Duration.ofMinutes(5), 50_000, Clock.systemUTC());
    }

    RecentQuestions(Duration keep, int max, Clock clock) {
        this.keep = keep;
        this.max = max;
        this.clock = clock;
    }

    /** Keeps the question; the oldest ones go once they expire or when more than the maximum are kept. */
    void remember(QuestionSubmitted question) {
        if (this.byId.putIfAbsent(question.getQueryId(), question) != null) {
            return;
        }
        this.bySession.compute(question.getSessionId(), (session, questions) -> {
            Queue<QuestionSubmitted> kept = (questions != null) ? questions : new ConcurrentLinkedQueue<>();
            kept.add(question);
            return kept;
        });
        this.arrivals.add(question);
        evict();
    }

    Optional<QueryView> find(String queryId) {
        QuestionSubmitted question = this.byId.get(queryId);
        return (question != null && !isExpired(question)) ? Optional.of(QueryView.queued(question)) : Optional.empty();
    }

    /** The unexpired questions accepted here for {@code sessionId}, oldest first. */
    List<QuestionSubmitted> inSession(String sessionId) {
        Queue<QuestionSubmitted> questions = this.bySession.get(sessionId);
        return (questions != null) ? questions.stream().filter((question) -> !isExpired(question)).toList() : List.of();
    }

    /** Drops expired questions and any above the maximum, oldest first; one thread at a time does it. */
    private void evict() {
        if (!this.eviction.tryLock()) {
            return;
        }
        try {
            QuestionSubmitted oldest;
            while ((oldest = this.arrivals.peek()) != null && (isExpired(oldest) || this.byId.size() > this.max)) {
                this.arrivals.poll();
                this.byId.remove(oldest.getQueryId(), oldest);
                QuestionSubmitted gone = oldest;
                this.bySession.computeIfPresent(gone.getSessionId(), (session, questions) -> {
                    questions.remove(gone);
                    return questions.isEmpty() ? null : questions;
                });
            }
        }
        finally {
            this.eviction.unlock();
        }
    }

    private boolean isExpired(QuestionSubmitted question) {
        return question.getSubmittedAt().isBefore(Instant.now(this.clock).minus(this.keep));
    }
}
