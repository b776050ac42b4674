package io.clearsky.worker.intake;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.QueryError;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.worker.ledger.QueryLedger;
import io.clearsky.worker.pipeline.QueryPipeline;
import io.clearsky.worker.pipeline.QueryRun;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one question record becomes: a pipeline run, a dead letter with a FAILED outcome, or
 * nothing at all when its query already ended.
 */
public class QuestionHandler implements RecordHandler {

    private static final Logger logger = LoggerFactory.getLogger(QuestionHandler.class);

    private final AvroSerde<QuestionSubmitted> serde = AvroSerde.questionSubmitted();

    private final QuestionValidator validator;

    private final DeadLetterPublisher deadLetters;

    private final QueryLedger ledger;

    private final QueryPipeline pipeline;

    public QuestionHandler(QuestionValidator validator, DeadLetterPublisher deadLetters, QueryLedger ledger,
            QueryPipeline pipeline) {
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.ledger = ledger;
        this.pipeline = pipeline;
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) {
        QuestionSubmitted question;
        try {
            question = this.serde.deserialize(record.topic(), record.value());
        }
        catch (SerializationException ex) {
            String reason = "The record is not a QuestionSubmitted in Avro single-object encoding: " + ex.getMessage();
            this.deadLetters.send(record, "UNREADABLE_RECORD", reason);
            rejectIfIdentified(record.key(), null, error("UNREADABLE_RECORD", reason));
            return;
        }
        if (question == null) {
            this.deadLetters.send(record, "EMPTY_RECORD", "The record has no value");
            rejectIfIdentified(record.key(), null, error("EMPTY_RECORD", "The record has no value"));
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
