package io.clearsky.gateway.api;

import io.clearsky.gateway.store.QueryView;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Questions this instance accepted in the last minutes. The stores see a question a moment after the
 * broker acknowledged it; for that moment a read answers QUEUED from here rather than 404.
 */
final class RecentQuestions {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private static final int MAX = 50_000;

    private final Map<String, QueryView> accepted = new ConcurrentHashMap<>();

    void remember(QuestionSubmitted question) {
        if (this.accepted.size() >= MAX) {
            Instant cutoff = Instant.now().minus(KEEP);
            this.accepted.values().removeIf((view) -> view.submittedAt().isBefore(cutoff));
        }
        if (this.accepted.size() < MAX) {
            this.accepted.put(question.getQueryId(), QueryView.queued(question));
        }
    }

    Optional<QueryView> find(String queryId) {
        QueryView view = this.accepted.get(queryId);
        if (view != null && view.submittedAt().isBefore(Instant.now().minus(KEEP))) {
            this.accepted.remove(queryId);
            return Optional.empty();
        }
        return Optional.ofNullable(view);
    }
}
