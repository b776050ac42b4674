package io.clearsky.gateway.store;

import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user's recent sessions, most recently active first.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserSessionsView(String userId, List<Summary> sessions) {

    static final int MAX_SESSIONS = 100;

    /** One session in a user's list. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(String sessionId, String firstQuestion, String lastQuestion, int questionCount,
            Instant startedAt, Instant lastActivityAt) {
    }

    public UserSessionsView {
        sessions = (sessions != null) ? List.copyOf(sessions) : List.of();
    }

    static UserSessionsView empty() {
        return new UserSessionsView(null, List.of());
    }

    UserSessionsView with(String userId, QuestionSubmitted question) {
        List<Summary> all = new ArrayList<>();
        Summary current = null;
        for (Summary summary : this.sessions) {
            if (summary.sessionId().equals(question.getSessionId())) {
                current = summary;
            }
            else {
                all.add(summary);
            }
        }
        Instant at = question.getSubmittedAt();
        all.add((current == null)
                ? new Summary(question.getSessionId(), QueryView.preview(question), QueryView.preview(question), 1, at, at)
                : new Summary(current.sessionId(), current.firstQuestion(),
                        at.isBefore(current.lastActivityAt()) ? current.lastQuestion() : QueryView.preview(question),
                        current.questionCount() + 1, min(current.startedAt(), at), max(current.lastActivityAt(), at)));
        all.sort(Comparator.comparing(Summary::lastActivityAt).reversed());
        return new UserSessionsView(userId, all.subList(0, Math.min(all.size(), MAX_SESSIONS)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
