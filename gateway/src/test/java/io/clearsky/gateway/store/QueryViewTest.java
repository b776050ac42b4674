package io.clearsky.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.avro.Stage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryViewTest {

    private static final String ID = "q-1";

    @Test
    void aQuestionOnTheTopicIsQueued() {
        QueryView view = QueryView.empty().withQuestion(ID, question());

        assertThat(view.status()).isEqualTo("QUEUED");
        assertThat(view.seq()).isZero();
        assertThat(view.done()).isFalse();
    }

    @Test
    void duplicatedEventsAreKeptOnce() {
        QueryView view = QueryView.empty().withQuestion(ID, question())
                .withEvent(ID, event(1, QueryStatus.RETRIEVING))
                .withEvent(ID, event(1, QueryStatus.RETRIEVING))
                .withEvent(ID, event(2, QueryStatus.GENERATING))
                .withEvent(ID, event(2, QueryStatus.GENERATING));

        assertThat(view.events()).extracting(EventView::seq).containsExactly(0L, 1L, 2L);
        assertThat(view.status()).isEqualTo("GENERATING");
    }

    @Test
    void aLateOlderEventNeverMovesTheStatusBackwards() {
        QueryView view = QueryView.empty().withQuestion(ID, question())
                .withEvent(ID, event(3, QueryStatus.VALIDATING))
                .withEvent(ID, event(1, QueryStatus.RETRIEVING));

        assertThat(view.status()).isEqualTo("VALIDATING");
        assertThat(view.seq()).isEqualTo(3);
        assertThat(view.events()).extracting(EventView::seq).containsExactly(0L, 1L, 3L);
    }

    @Test
    void eventsBeforeTheQuestionStillEndAsTheNewestStatus() {
        QueryView view = QueryView.empty()
                .withEvent(ID, event(2, QueryStatus.GENERATING))
                .withQuestion(ID, question());

        assertThat(view.status()).isEqualTo("GENERATING");
        assertThat(view.question()).isEqualTo("How many orders are there?");
    }

    @Test
    void theTerminalStatusWaitsForItsAnswer() {
        QueryView withoutAnswer = QueryView.empty().withQuestion(ID, question())
                .withEvent(ID, event(5, QueryStatus.SUCCEEDED));

        assertThat(withoutAnswer.done()).isFalse();
        assertThat(withoutAnswer.status()).isEqualTo("QUEUED");

        QueryView complete = withoutAnswer.withAnswer(ID, answer(QueryStatus.SUCCEEDED));
        assertThat(complete.done()).isTrue();
        assertThat(complete.status()).isEqualTo("SUCCEEDED");
        assertThat(complete.answer().rowCount()).isEqualTo(42);
    }

    @Test
    void anAnswerArrivingFirstWaitsForTheTerminalEvent() {
        QueryView view = QueryView.empty().withQuestion(ID, question()).withAnswer(ID, answer(QueryStatus.SUCCEEDED));
        assertThat(view.done()).isFalse();

        assertThat(view.withEvent(ID, event(5, QueryStatus.SUCCEEDED)).done()).isTrue();
    }

    @Test
    void nothingFollowsTheTerminalState() {
        QueryView done = QueryView.empty().withQuestion(ID, question())
                .withEvent(ID, event(5, QueryStatus.FAILED))
                .withAnswer(ID, answer(QueryStatus.FAILED));

        QueryView after = done.withEvent(ID, event(6, QueryStatus.EXECUTING))
                .withEvent(ID, event(7, QueryStatus.SUCCEEDED));

        assertThat(after.status()).isEqualTo("FAILED");
        assertThat(after.seq()).isEqualTo(5);
    }

    private static QuestionSubmitted question() {
        return QuestionSubmitted.newBuilder().setQueryId(ID).setSessionId("s").setQuestion("How many orders are there?")
                .setSubmittedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    private static QueryEvent event(long seq, QueryStatus status) {
        return QueryEvent.newBuilder().setQueryId(ID).setSessionId("s").setSeq(seq).setStatus(status)
                .setStage(Stage.UNKNOWN).setEmittedAt(Instant.now()).build();
    }

    private static QueryAnswer answer(QueryStatus status) {
        return QueryAnswer.newBuilder().setQueryId(ID).setStatus(status).setRowCount(42).setCompletedAt(Instant.now())
                .build();
    }
}
