package io.clearsky.gateway.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The question is queued; follow it with {@code GET /api/chat/updates?query_id=…}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueryAccepted(String queryId, String sessionId, String status) {
}
