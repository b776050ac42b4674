package io.clearsky.gateway.api;

import io.clearsky.gateway.store.AnswerView;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A session's questions in the order asked, each with its status and, when done, its answer.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionHistory(String sessionId, String userId, Instant createdAt, Instant updatedAt,
        List<Item> queries) {

    /** One question of the session. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(String queryId, String question, Instant submittedAt, String status, boolean done,
            AnswerView answer) {
    }
}
