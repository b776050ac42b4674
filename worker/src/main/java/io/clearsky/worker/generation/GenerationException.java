package io.clearsky.worker.generation;

/**
 * The generator could not produce a reply. The message is written for the asker: it says what failed
 * and whether waiting helps, never how (no stack traces, no request details).
 */
public class GenerationException extends Exception {

    private final String code;

    private final boolean retryable;

    public GenerationException(String code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    /** Stable error code for answers, e.g. {@code MODEL_UNAVAILABLE}. */
    public String code() {
        return this.code;
    }

    public boolean retryable() {
        return this.retryable;
    }
}
