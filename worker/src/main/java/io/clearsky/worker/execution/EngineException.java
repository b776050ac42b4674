package io.clearsky.worker.execution;

/**
 * The engine could not run a query. The message is the engine's own, safe to show the asker; the kind
 * says what went wrong in terms a generator's self-correction and a retry policy can act on.
 */
public class EngineException extends Exception {

    /** What went wrong, across engines. */
    public enum Kind {

        /** The SQL does not parse in the engine's dialect. */
        SYNTAX(false, true),
        /** The SQL names a table or database the engine does not have. */
        UNKNOWN_TABLE(false, true),
        /** The SQL names a column the tables do not have. */
        UNKNOWN_COLUMN(false, true),
        /** Other semantic errors the SQL can fix: type mismatches, wrong function arguments, grouping. */
        INVALID_QUERY(false, true),
        /** The engine's identity may not read the data or write the results. */
        PERMISSION(false, false),
        /** The query needs more memory, time or capacity than the engine grants. */
        RESOURCE_LIMIT(true, false),
        /** The engine refused the call for now. */
        THROTTLED(true, false),
        /** The engine could not be reached or failed internally. */
        UNAVAILABLE(true, false),
        /** The query ran longer than it may. */
        TIMED_OUT(true, false),
        /** Someone stopped the query. */
        CANCELLED(false, false),
        /** ClearSky's own settings for the engine are wrong, e.g. the output location or workgroup. */
        CONFIGURATION(false, false),
        /** Anything else. */
        OTHER(false, false);

        private final boolean retryable;

        private final boolean correctable;

        Kind(boolean retryable, boolean correctable) {
            this.retryable = retryable;
            this.correctable = correctable;
        }
    }

    private final Kind kind;

    public EngineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return this.kind;
    }

    /** Whether running the same query again later may succeed. */
    public boolean retryable() {
        return this.kind.retryable;
    }

    /** Whether different SQL may succeed, so the error is worth showing to the generator. */
    public boolean correctable() {
        return this.kind.correctable;
    }
}
