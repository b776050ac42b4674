package io.clearsky.core.guard;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guard's decision about one SQL text.
 */
public sealed interface GuardVerdict {

    /**
     * The query may run.
     *
     * @param sql the normalized SQL to execute: comments gone, the row cap applied
     * @param tables the lake tables it reads, as {@code database.table}
     * @param columns the lake columns it names, as {@code table.column}
     * @param rowCapApplied whether the guard added or lowered the LIMIT to keep within the row cap
     */
    record Accepted(String sql, Set<String> tables, Set<String> columns, boolean rowCapApplied) implements GuardVerdict {

        public Accepted {
            tables = Set.copyOf(tables);
            columns = Set.copyOf(columns);
        }
    }

    /**
     * The query must not run, for one or more reasons.
     *
     * @param reasons what is wrong, most fundamental first
     */
    record Rejected(List<Reason> reasons) implements GuardVerdict {

        public Rejected {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("A rejection needs a reason");
            }
            reasons = List.copyOf(reasons);
        }

        Rejected(String code, String message) {
            this(List.of(new Reason(code, message)));
        }

        /** The code of the first reason. */
        public String code() {
            return this.reasons.getFirst().code();
        }

        /** All reasons' messages, precise enough for a generator to correct itself. */
        public String message() {
            return this.reasons.stream().map(Reason::message).collect(Collectors.joining("; "));
        }
    }

    /**
     * One reason for a rejection.
     *
     * @param code stable reason code, e.g. {@code DML} or {@code UNKNOWN_COLUMN}
     * @param message what is wrong, in words
     */
    record Reason(String code, String message) {
    }
}
