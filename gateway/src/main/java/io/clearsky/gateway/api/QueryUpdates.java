package io.clearsky.gateway.api;

import io.clearsky.gateway.store.AnswerView;
import io.clearsky.gateway.store.EventView;
import io.clearsky.gateway.store.QueryView;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A query's current state, its events after the caller's {@code since}, and the answer once done.
 *
 * @param userId the user who asked (only the asker and administrators ever see a query)
 * @param seq seq of the latest event; pass it as {@code since} to get only newer ones
 * @param done whether the query reached its terminal state (the answer is then present)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueryUpdates(String queryId, String sessionId, String userId, String question, String status, String stage, long seq,
        boolean done, List<EventView> events, AnswerView answer, Instant submittedAt, Instant updatedAt) {

    static QueryUpdates of(QueryView view, long since) {
        return new QueryUpdates(view.queryId(), view.sessionId(), view.userId(), view.question(), view.status(), view.stage(),
                view.seq(), view.done(), view.eventsAfter(since), view.done() ? view.answer() : null,
                view.submittedAt(), view.updatedAt());
    }
}
