package io.clearsky.worker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.Stage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryLedgerTest {

    private final QueryLedger ledger = new QueryLedger(100);

    @Test
    void answerWithoutTerminalEventIsReportedSoTheNextRunOnlyAnnouncesIt() {
        this.ledger.observe(event("q-1", 4, QueryStatus.EXECUTING));
        this.ledger.observeAnswer("q-1", QueryStatus.SUCCEEDED);

        assertThat(this.ledger.answeredWithoutEnd("q-1")).isEqualTo(QueryStatus.SUCCEEDED);
        assertThat(this.ledger.claim("q-1")).hasValue(5);
    }

    @Test
    void answeredQueryWithItsTerminalEventIsNotRunAgain() {
        this.ledger.observeAnswer("q-2", QueryStatus.SUCCEEDED);
        this.ledger.observe(event("q-2", 6, QueryStatus.SUCCEEDED));

        assertThat(this.ledger.answeredWithoutEnd("q-2")).isNull();
        assertThat(this.ledger.claim("q-2")).isEmpty();
    }

    @Test
    void queryWithoutAnswerIsRunAgainFromItsNextSequence() {
        this.ledger.observe(event("q-3", 2, QueryStatus.RETRIEVING));

        assertThat(this.ledger.answeredWithoutEnd("q-3")).isNull();
        assertThat(this.ledger.claim("q-3")).hasValue(3);
    }

    private static QueryEvent event(String id, long seq, QueryStatus status) {
        return QueryEvent.newBuilder().setQueryId(id).setSessionId("s").setSeq(seq).setStatus(status)
                .setStage(Stage.UNKNOWN).setMessage("").setEmittedAt(Instant.now()).build();
    }
}
