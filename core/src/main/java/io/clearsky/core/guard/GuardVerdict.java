package io.clearsky.core.guard;

import java.util.Set;

/**
 * The guard's decision about one SQL text.
 */
public sealed interface GuardVerdict {

    /**
     * The query may run.
     *
     * @param sql the SQL to execute
     * @param tables the lake tables it reads, lower-cased
     */
    record Accepted(String sql, Set<String> tables) implements GuardVerdict {
    }

    /**
     * The query must not run.
     *
     * @param code stable reason code, e.g. {@code NOT_READ_ONLY}
     * @param message what is wrong, precise enough for a generator to correct itself
     */
    record Rejected(String code, String message) implements GuardVerdict {
    }
}
