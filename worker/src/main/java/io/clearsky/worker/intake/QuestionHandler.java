package io.clearsky.worker.intake;

import io.clearsky.schemas.intake.QuestionDecoder;
import io.clearsky.schemas.intake.UndecodableQuestionException;
import io.clearsky.schemas.registry.RegistryUnavailableException;
import io.clearsky.schemas.avro.QueryError;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.worker.ledger.QueryLedger;
import io.clearsky.worker.pipeline.QueryPipeline;
import io.clearsky.worker.pipeline.QueryRun;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one question record becomes: a pipeline run, a dead letter with a FAILED outcome, or
 * nothing at all when its query already ended.
 */
public class QuestionHandler implements RecordHandler {

    private static final Logger logger = LoggerFactory.getLogger(QuestionHandler.class);

    private final QuestionDecoder decoder;

    private final QuestionValidator validator;

    private final DeadLetterPublisher deadLetters;

    private final QueryLedger ledger;

    private final QueryPipeline pipeline;

    public QuestionHandler(QuestionDecoder decoder, QuestionValidator validator, DeadLetterPublisher deadLetters,
            QueryLedger ledger, QueryPipeline pipeline) {
        this.decoder = decoder;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.ledger = ledger;
        this.pipeline = pipeline;
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) {
        QuestionSubmitted question;
        try {
            question = decodeWaitingForTheRegistry(record);
        }
        catch (UndecodableQuestionException ex) {
            this.deadLetters.send(record, ex.reasonCode(), ex.getMessage());
            rejectIfIdentified(record.key(), null, error(ex.reasonCode(), ex.getMessage()));
            return;
        }
        Optional<String> problem = this.validator.problem(question, record.key());
        if (problem.isPresent()) {
            this.deadLetters.send(record, "INVALID_QUESTION", problem.get());
            String queryId = (question.getQueryId() != null && !question.getQueryId().isBlank())
                    ? question.getQueryId() : record.key();
            rejectIfIdentified(queryId, question, error("INVALID_QUESTION", problem.get()));
            return;
        }
        OptionalLong firstSeq = this.ledger.claim(question.getQueryId());
        if (firstSeq.isEmpty()) {
            logger.info("Query {} already ended or is running; redelivered question skipped", question.getQueryId());
            return;
        }
        QueryRun run = null;
        try {
            QueryStatus answered = this.ledger.answeredWithoutEnd(question.getQueryId());
            run = (answered != null) ? this.pipeline.finishAnswered(question, firstSeq.getAsLong(), answered)
                    : this.pipeline.run(question, firstSeq.getAsLong());
        }
        finally {
            this.ledger.release(question.getQueryId(), (run != null) ? run.lastSeq() : firstSeq.getAsLong() - 1,
                    run != null && run.ended());
        }
    }

    /**
     * A Confluent-wire record whose schema the registry cannot serve right now is not poison: it is
     * read again, with growing pauses, and its offset stays uncommitted until it is.
     */
    private QuestionSubmitted decodeWaitingForTheRegistry(ConsumerRecord<String, byte[]> record) {
        String type = QuestionDecoder.contentType(record.headers());
        long pauseMillis = 200;
        while (true) {
            try {
                return this.decoder.decode(record.topic(), record.value(), type);
            }
            catch (RegistryUnavailableException ex) {
                logger.warn("Question record {}-{}@{} waits for the schema registry ({} ms): {}", record.topic(),
                        record.partition(), record.offset(), pauseMillis, ex.getMessage());
                try {
                    Thread.sleep(pauseMillis);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
                pauseMillis = Math.min(pauseMillis * 2, 10_000);
            }
        }
    }

    private void rejectIfIdentified(String queryId, QuestionSubmitted question, QueryError error) {
        if (queryId == null || queryId.isBlank()) {
            return;
        }
        OptionalLong firstSeq = this.ledger.claim(queryId);
        if (firstSeq.isPresent()) {
            QueryRun run = this.pipeline.reject(queryId, question, firstSeq.getAsLong(), error);
            this.ledger.release(queryId, run.lastSeq(), true);
        }
    }

    private static QueryError error(String code, String message) {
        return QueryError.newBuilder().setCode(code).setMessage(message).setRetryable(false).build();
    }
}
