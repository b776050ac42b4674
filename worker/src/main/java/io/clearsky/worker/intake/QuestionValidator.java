package io.clearsky.worker.intake;

import io.clearsky.schemas.avro.QuestionSubmitted;
import java.util.Optional;

/**
 * Checks a decoded question before any work is spent on it. Other systems publish onto the topic
 * directly, so nothing the gateway checked can be assumed here.
 */
public final class QuestionValidator {

    private final int maxQuestionLength;

    public QuestionValidator(int maxQuestionLength) {
        this.maxQuestionLength = maxQuestionLength;
    }

    /** What is wrong with the question, naming the field, or empty when it is valid. */
    public Optional<String> problem(QuestionSubmitted question, String recordKey) {
        if (isBlank(question.getQueryId())) {
            return Optional.of("queryId must not be blank");
        }
        if (recordKey != null && !recordKey.equals(question.getQueryId())) {
            return Optional.of("record key '" + recordKey + "' must equal queryId '" + question.getQueryId() + "'");
        }
        if (isBlank(question.getSessionId())) {
            return Optional.of("sessionId must not be blank");
        }
        if (isBlank(question.getQuestion()) && isBlank(question.getSql())) {
            return Optional.of("question must not be blank unless sql is given");
        }
        if (question.getQuestion().length() > this.maxQuestionLength) {
            return Optional.of("question must be at most " + this.maxQuestionLength + " characters, was "
                    + question.getQuestion().length());
        }
        if (question.getOptions() != null && question.getOptions().getMaxRows() != null
                && question.getOptions().getMaxRows() < 1) {
            return Optional.of("options.maxRows must be at least 1, was " + question.getOptions().getMaxRows());
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
