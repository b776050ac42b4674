package io.clearsky.gateway.store;

import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The questions of one session in the order they were asked. Status and answers live in the query
 * store and are joined when read.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionView(String sessionId, String userId, List<Entry> queries, Instant createdAt, Instant updatedAt) {

    /** Sessions keep their most recent questions only, so a store value stays small. */
    static final int MAX_QUERIES = 200;

    /** One question of the session. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Entry(String queryId, String question, Instant submittedAt) {
    }

    public SessionView {
        queries = (queries != null) ? List.copyOf(queries) : List.of();
    }

    public static SessionView empty() {
        return new SessionView(null, null, List.of(), null, null);
    }

    /** This view with {@code question} added in submission order; adding a question twice changes nothing. */
    public SessionView with(String sessionId, QuestionSubmitted question) {
        List<Entry> all = new ArrayList<>(this.queries);
        if (all.stream().noneMatch((entry) -> entry.queryId().equals(question.getQueryId()))) {
            all.add(new Entry(question.getQueryId(), QueryView.preview(question), question.getSubmittedAt()));
            all.sort(Comparator.comparing(Entry::submittedAt));
        }
        List<Entry> kept = all.subList(Math.max(0, all.size() - MAX_QUERIES), all.size());
        Instant first = kept.isEmpty() ? null : kept.get(0).submittedAt();
        Instant last = kept.isEmpty() ? null : kept.get(kept.size() - 1).submittedAt();
        return new SessionView(sessionId, (this.userId != null) ? this.userId : question.getUserId(), kept, first, last);
    }
}
