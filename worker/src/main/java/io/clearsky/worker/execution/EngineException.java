package io.clearsky.worker.execution;

/**
 * The engine could not run a query. The message is the engine's own, safe to show the asker.
 */
public class EngineException extends Exception {

    private final boolean retryable;

    public EngineException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether running the same query again later may succeed. */
    public boolean retryable() {
        return this.retryable;
    }
}
