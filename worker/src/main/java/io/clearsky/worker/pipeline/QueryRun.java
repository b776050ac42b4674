package io.clearsky.worker.pipeline;

import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryError;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.Stage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One execution of one query: hands out event sequence numbers, keeps stage timings, and makes sure
 * exactly one terminal outcome is published, whether the pipeline, a deadline or a failure gets there
 * first. Emission is serialized by a lock so no progress event can follow the terminal one.
 */
public final class QueryRun {

    private static final Logger logger = LoggerFactory.getLogger(QueryRun.class);

    private final String queryId;

    private final String sessionId;

    private final String question;

    private final OutcomePublisher publisher;

    private final QueryAudit audit;

    private final ReentrantLock lock = new ReentrantLock();

    private final Map<String, Long> timings = new LinkedHashMap<>();

    private long nextSeq;

    private boolean ended;

    private volatile Runnable cancelAction = () -> { };

    private volatile Consumer<Stage> progressListener = (stage) -> { };

    QueryRun(String queryId, String sessionId, String question, long firstSeq, OutcomePublisher publisher,
            QueryAudit audit) {
        this.queryId = queryId;
        this.sessionId = sessionId;
        this.question = question;
        this.nextSeq = firstSeq;
        this.publisher = publisher;
        this.audit = audit;
    }

    public String queryId() {
        return this.queryId;
    }

    /** Publishes a progress event; returns false when the query already ended and nothing was sent. */
    public boolean progress(QueryStatus status, Stage stage, String message) {
        this.lock.lock();
        try {
            if (this.ended) {
                return false;
            }
            this.publisher.publishProgress(event(status, stage, message, null));
            this.progressListener.accept(stage);
            return true;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Publishes the terminal answer and then the terminal event, unless another terminal outcome was
     * published first. The query's audit record follows, once.
     *
     * @param answer the answer, without the fields this run fills in (ids, status, timings)
     * @return whether this call ended the query
     */
    public boolean end(QueryStatus status, Stage stage, String message, QueryError error, QueryAnswer.Builder answer) {
        this.lock.lock();
        try {
            if (this.ended) {
                return false;
            }
            this.ended = true;
            Map<String, Long> stageTimings = Map.copyOf(this.timings);
            QueryAnswer ended = answer.setQueryId(this.queryId).setSessionId(this.sessionId)
                    .setQuestion(this.question).setStatus(status).setError(error).setStageTimingsMs(stageTimings)
                    .setCompletedAt(Instant.now()).build();
            this.publisher.publish(ended);
            this.publisher.publish(event(status, stage, message, error));
            logEnd(status, stage, message, stageTimings);
            this.audit.ended(ended);
            return true;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Publishes the terminal event of a query whose answer an earlier run already published, and no
     * second answer. Its audit record was that run's to write.
     */
    void endAnswered(QueryStatus status) {
        this.lock.lock();
        try {
            if (this.ended) {
                return;
            }
            this.ended = true;
            String message = "Answered by an earlier run that stopped before announcing it";
            this.publisher.publish(event(status, Stage.UNKNOWN, message, null));
            logEnd(status, Stage.UNKNOWN, message, Map.of());
        }
        finally {
            this.lock.unlock();
        }
    }

    /** One line per query; it may end on the deadline thread, so the ids are put in the context here. */
    private void logEnd(QueryStatus status, Stage stage, String message, Map<String, Long> stageTimings) {
        try (MDC.MDCCloseable query = MDC.putCloseable(QueryPipeline.QUERY_ID, this.queryId);
                MDC.MDCCloseable session = MDC.putCloseable(QueryPipeline.SESSION_ID,
                        (this.sessionId != null) ? this.sessionId : "")) {
            logger.info("Query {} ended {} at {}: {} (stage ms {})", this.queryId, status, stage, message, stageTimings);
        }
    }

    public boolean ended() {
        this.lock.lock();
        try {
            return this.ended;
        }
        finally {
            this.lock.unlock();
        }
    }

    /** The last sequence number handed out. */
    public long lastSeq() {
        this.lock.lock();
        try {
            return this.nextSeq - 1;
        }
        finally {
            this.lock.unlock();
        }
    }

    void recordTiming(Stage stage, long millis) {
        this.lock.lock();
        try {
            this.timings.merge(stage.name(), millis, Long::sum);
        }
        finally {
            this.lock.unlock();
        }
    }

    /** Notes the tables the SQL about to run reads, for the audit record. */
    void reads(Set<String> tables) {
        this.audit.reads(tables);
    }

    /** Registers how to stop the work currently running, for a deadline to call. */
    public void onCancel(Runnable action) {
        this.cancelAction = action;
    }

    /** Registers who hears of each progress event, for the stage watchdog. */
    void onProgress(Consumer<Stage> listener) {
        this.progressListener = listener;
    }

    void cancelRunningWork() {
        this.cancelAction.run();
    }

    private QueryEvent event(QueryStatus status, Stage stage, String message, QueryError error) {
        return QueryEvent.newBuilder().setQueryId(this.queryId).setSessionId(this.sessionId).setSeq(this.nextSeq++)
                .setStatus(status).setStage(stage).setMessage(message).setError(error)
                .setStageTimingsMs(Map.copyOf(this.timings)).setEmittedAt(Instant.now()).build();
    }
}
