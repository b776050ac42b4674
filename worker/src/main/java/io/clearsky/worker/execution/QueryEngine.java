package io.clearsky.worker.execution;

import java.util.function.Consumer;

/**
 * Runs one guarded, read-only query.
 */
public interface QueryEngine {

    /** Short name recorded in answers' statistics, e.g. {@code athena} or {@code duckdb}. */
    String name();

    /**
     * Runs the query and reads at most {@code query.maxRows()} rows, counting the rest.
     *
     * @param onCancellable receives an action that stops the running query, so a deadline or a cancel
     * request can end it
     * @throws EngineException when the engine rejects or fails the query
     */
    EngineResult execute(EngineQuery query, Consumer<Runnable> onCancellable) throws EngineException;
}
