package io.clearsky.schemas.intake;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A question record that cannot become a {@code QuestionSubmitted}.
 * {@link #reasonCode()} is {@code UNREADABLE_RECORD} for bytes in no known format, {@code INVALID_QUESTION}
 * for a readable record whose field breaks the contract; the message names the field.
 */
public class UndecodableQuestionException extends SerializationException {

    private final String reasonCode;

    public UndecodableQuestionException(String reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return this.reasonCode;
    }
}
