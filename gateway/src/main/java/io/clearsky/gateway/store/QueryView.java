package io.clearsky.gateway.store;

import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Everything known about one query, reduced from the questions, events and answers topics. Events
 * are kept by seq, so duplicates and late arrivals never move the status backwards, and nothing
 * follows a terminal event. The terminal event is held back until the answer has arrived too, so a
 * reader that sees a terminal status always sees its answer.
 *
 * @param seq seq of the latest visible event
 * @param pendingTerminal a terminal event waiting for its answer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueryView(String queryId, String sessionId, String userId, String question, Instant submittedAt,
        String status, String stage, long seq, List<EventView> events, AnswerView answer,
        EventView pendingTerminal, Instant updatedAt) {

    static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "REJECTED", "CANCELLED", "TIMED_OUT", "DECLINED",
            "NEEDS_CLARIFICATION");

    public QueryView {
        events = (events != null) ? List.copyOf(events) : List.of();
    }

    static QueryView empty() {
        return new QueryView(null, null, null, null, null, null, null, -1, List.of(), null, null, null);
    }

    /** The view of a question no store has seen yet: just QUEUED. */
    public static QueryView queued(QuestionSubmitted question) {
        return empty().withQuestion(question.getQueryId(), question);
    }

    /** What a question shows as its text: the question, or the SQL when only SQL was given. */
    /**
     * The question (or SQL) as lists of sessions show it: at most {@value #PREVIEW_LENGTH} characters, so
     * that a list of a user's sessions stays far below Kafka's record size limit whatever was published.
     */
    static String preview(QuestionSubmitted question) {
        String text = shownText(question);
        return (text != null && text.length() > PREVIEW_LENGTH) ? text.substring(0, PREVIEW_LENGTH) + "…" : text;
    }

    /** Longest question text a session list keeps: the gateway's and workers' default question limit. */
    static final int PREVIEW_LENGTH = 2_000;

    public static String shownText(QuestionSubmitted question) {
        return (question.getQuestion() == null || question.getQuestion().isBlank()) && question.getSql() != null
                ? question.getSql() : question.getQuestion();
    }

    /** Whether the query reached its terminal state and the answer is here. */
    public boolean done() {
        return this.status != null && TERMINAL.contains(this.status);
    }

    /** The events after {@code since}, oldest first. */
    public List<EventView> eventsAfter(long since) {
        return this.events.stream().filter((event) -> event.seq() > since).toList();
    }

    QueryView withQuestion(String key, QuestionSubmitted question) {
        QueryView view = new QueryView(key, question.getSessionId(), question.getUserId(), shownText(question),
                question.getSubmittedAt(), this.status, this.stage, this.seq, this.events, this.answer,
                this.pendingTerminal, Instant.now());
        return view.withEvent(key, EventView.queued(question.getSubmittedAt()));
    }

    QueryView withEvent(String key, QueryEvent event) {
        return new QueryView(key, (this.sessionId != null) ? this.sessionId : event.getSessionId(), this.userId,
                this.question, this.submittedAt, this.status, this.stage, this.seq, this.events, this.answer,
                this.pendingTerminal, Instant.now()).withEvent(key, EventView.of(event));
    }

    QueryView withAnswer(String key, QueryAnswer answer) {
        QueryView view = new QueryView(key, (this.sessionId != null) ? this.sessionId : answer.getSessionId(),
                this.userId, (this.question != null) ? this.question : answer.getQuestion(), this.submittedAt,
                this.status, this.stage, this.seq, this.events, AnswerView.of(answer), this.pendingTerminal,
                Instant.now());
        return (view.pendingTerminal != null) ? view.release(view.pendingTerminal) : view;
    }

    private QueryView withEvent(String key, EventView event) {
        boolean seen = this.events.stream().anyMatch((e) -> e.seq() == event.seq())
                || (this.pendingTerminal != null && this.pendingTerminal.seq() == event.seq());
        if (seen || done() || this.pendingTerminal != null) {
            return this;
        }
        if (TERMINAL.contains(event.status()) && this.answer == null) {
            return new QueryView(key, this.sessionId, this.userId, this.question, this.submittedAt, this.status,
                    this.stage, this.seq, this.events, null, event, this.updatedAt);
        }
        return release(event);
    }

    /** Adds a visible event; it becomes the status when it is the newest. */
    private QueryView release(EventView event) {
        List<EventView> all = new ArrayList<>(this.events);
        all.add(event);
        all.sort(Comparator.comparingLong(EventView::seq));
        boolean newest = event.seq() > this.seq;
        return new QueryView(this.queryId, this.sessionId, this.userId, this.question, this.submittedAt,
                newest ? event.status() : this.status, newest ? event.stage() : this.stage,
                Math.max(this.seq, event.seq()), all, this.answer, null, this.updatedAt);
    }
}
