package io.clearsky.gateway.api;

import io.clearsky.gateway.store.QueryView;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Questions this instance accepted in the last minutes. The stores see a question a moment after the
 * broker acknowledged it (the session store later still, behind a repartition topic); for that moment
 * reads are completed from here, so whoever asked reads their own question rather than a 404.
 */
final class RecentQuestions {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private static final int MAX = 50_000;

    private final Map<String, QuestionSubmitted> accepted = new ConcurrentHashMap<>();

    void remember(QuestionSubmitted question) {
        if (this.accepted.size() >= MAX) {
            Instant cutoff = Instant.now().minus(KEEP);
            this.accepted.values().removeIf((accepted) -> accepted.getSubmittedAt().isBefore(cutoff));
        }
        if (this.accepted.size() < MAX) {
            this.accepted.put(question.getQueryId(), question);
        }
    }

    Optional<QueryView> find(String queryId) {
        QuestionSubmitted question = this.accepted.get(queryId);
        if (question != null && isExpired(question)) {
            this.accepted.remove(queryId);
            return Optional.empty();
        }
        return Optional.ofNullable(question).map(QueryView::queued);
    }

    /** The unexpired questions accepted here for {@code sessionId}. */
    List<QuestionSubmitted> inSession(String sessionId) {
        return this.accepted.values().stream()
                .filter((question) -> question.getSessionId().equals(sessionId) && !isExpired(question))
                .toList();
    }

    private static boolean isExpired(QuestionSubmitted question) {
        return question.getSubmittedAt().isBefore(Instant.now().minus(KEEP));
    }
}
