package io.clearsky.worker.execution;

import java.util.function.Consumer;

/**
 * Runs one guarded, read-only query.
 */
public interface QueryEngine {

    /**
     * Runs {@code sql} and reads at most {@code maxRows} rows, counting the rest.
     *
     * @param onCancellable receives an action that stops the running query, so a deadline can end it
     * @throws EngineException when the engine rejects or fails the query
     */
    EngineResult execute(String sql, int maxRows, Consumer<Runnable> onCancellable) throws EngineException;
}
