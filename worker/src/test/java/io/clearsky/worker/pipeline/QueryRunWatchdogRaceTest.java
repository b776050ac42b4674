package io.clearsky.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.audit.AuditTrail;
import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.ContractSerdes;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.AuditAction;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryError;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.Stage;
import io.clearsky.worker.ledger.QueryLedger;
import io.clearsky.worker.security.Askers;
import io.clearsky.worker.watchdog.MovableClock;
import io.clearsky.worker.watchdog.StageWatchdog;
import io.clearsky.worker.watchdog.WatchdogProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The watchdog and a late answer reaching the same run at once: whichever wins, the query has exactly
 * one answer and one terminal event, and a watchdog win names the silent stage.
 */
class QueryRunWatchdogRaceTest {

    private static final AvroSerde<QueryEvent> EVENTS = AvroSerde.queryEvent();

    private static final AvroSerde<QueryAnswer> ANSWERS = AvroSerde.queryAnswer();

    @Test
    void watchdogRacingALateAnswerEndsTheQueryExactlyOnce() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        OutcomePublisher publisher = new OutcomePublisher(producer, new TopicProperties(null, null, null, null, null,
                null, null, null, null, null, null), ContractSerdes.singleObject());
        AuditTrail audit = new AuditTrail(producer, Topics.AUDIT);
        MovableClock clock = new MovableClock();
        StageWatchdog watchdog = new StageWatchdog(new WatchdogProperties(null, Duration.ofSeconds(30), null, null,
                null, null), clock);
        int queries = 200;
        for (int i = 0; i < queries; i++) {
            QueryRun run = new QueryRun("q-" + i, "s", "How many orders are there?", 1, publisher,
                    new QueryAudit(audit, Askers.anonymous(), AuditAction.QUESTION, null));
            StageWatchdog.Watch watch = watchdog.watch((stage, deadline) -> run.end(QueryStatus.TIMED_OUT, stage,
                    "No progress", QueryError.newBuilder().setCode("STAGE_TIMEOUT").setMessage("No progress")
                            .setRetryable(true).build(), QueryAnswer.newBuilder()));
            run.onProgress(watch::progressed);
            run.progress(QueryStatus.GENERATING, Stage.GENERATION, "Writing SQL");
            clock.advance(Duration.ofSeconds(31));
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Void> sweep = CompletableFuture.runAsync(() -> {
                await(start);
                watchdog.sweep();
            });
            await(start);
            run.end(QueryStatus.SUCCEEDED, Stage.RESULTS, "1 rows", null, QueryAnswer.newBuilder());
            sweep.get();
            watch.close();
        }

        for (int i = 0; i < queries; i++) {
            String id = "q-" + i;
            List<QueryAnswer> answers = records(producer, Topics.ANSWERS, id).stream()
                    .map((record) -> ANSWERS.deserialize(Topics.ANSWERS, record.value())).toList();
            List<QueryEvent> terminal = records(producer, Topics.QUERY_EVENTS, id).stream()
                    .map((record) -> EVENTS.deserialize(Topics.QUERY_EVENTS, record.value()))
                    .filter((event) -> QueryLedger.isTerminal(event.getStatus())).toList();
            assertThat(answers).as(id).hasSize(1);
            assertThat(terminal).as(id).hasSize(1);
            assertThat(terminal.getFirst().getStatus()).isEqualTo(answers.getFirst().getStatus());
            if (terminal.getFirst().getStatus() == QueryStatus.TIMED_OUT) {
                assertThat(terminal.getFirst().getStage()).isEqualTo(Stage.GENERATION);
            }
        }
    }

    private static List<ProducerRecord<String, byte[]>> records(MockProducer<String, byte[]> producer, String topic,
            String key) {
        return producer.history().stream().filter((r) -> r.topic().equals(topic) && r.key().equals(key)).toList();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
