package io.clearsky.gateway.api;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A question to answer, or SQL to run.
 *
 * @param question the question in plain language
 * @param sql SQL to run instead of generating it; checked by the guard like generated SQL
 * @param sessionId the conversation to continue; a new one is started when absent
 * @param options optional limits
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueryRequest(
        @Schema(description = "The question in plain language; required unless `sql` is given", example = "How many orders are there?") String question,
        @Schema(description = "SQL to run instead of generating it, e.g. an edited generated query. It skips generation and is guarded and executed like generated SQL.",
                example = "SELECT status, count(*) FROM orders GROUP BY status") String sql,
        @Schema(description = "Session to continue; omitted to start a new one") String sessionId,
        QueryOptionsRequest options) {

    /**
     * Per-question options.
     *
     * @param maxRows rows to return in the answer, at most the service's limit
     * @param database database to query instead of the default
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record QueryOptionsRequest(@Schema(description = "Rows to return", example = "100") Integer maxRows,
            @Schema(description = "Database to query instead of the default") String database) {
    }
}
