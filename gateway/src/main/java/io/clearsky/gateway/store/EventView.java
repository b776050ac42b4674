package io.clearsky.gateway.store;

import io.clearsky.schemas.avro.QueryEvent;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One status change of a query, as the API shows it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventView(long seq, String status, String stage, String message, ErrorView error,
        Map<String, Long> stageTimingsMs, Instant emittedAt) {

    static EventView of(QueryEvent event) {
        return new EventView(event.getSeq(), event.getStatus().name(), event.getStage().name(), event.getMessage(),
                ErrorView.of(event.getError()), event.getStageTimingsMs(), event.getEmittedAt());
    }

    static EventView queued(Instant at) {
        return new EventView(0, "QUEUED", "INTAKE", "Question received", null, Map.of(), at);
    }
}
