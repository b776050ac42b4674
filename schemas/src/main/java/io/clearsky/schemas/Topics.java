package io.clearsky.schemas;

/**
 * Default topic names. The query topics are keyed by query id, so all records of one query share a partition.
 */
public final class Topics {

    /** The public intake: {@code QuestionSubmitted} records, from the gateway or any other system. */
    public static final String QUESTIONS = "clearsky.questions";

    /** Every status change of a query: {@code QueryEvent} records with a per-query monotonic seq. */
    public static final String QUERY_EVENTS = "clearsky.query-events";

    /** Terminal outcomes only: one {@code QueryAnswer} per query, for bots and downstream systems. */
    public static final String ANSWERS = "clearsky.answers";

    /**
     * Requests to stop queries: {@code QueryCancelRequested} records keyed by query id. Every worker reads
     * all of it, because a query's question may be with any of them.
     */
    public static final String QUERY_CONTROL = "clearsky.query-control";

    /** Questions that could not be read or were invalid: the original bytes plus error headers. */
    public static final String QUESTIONS_DLQ = "clearsky.questions.dlq";

    /**
     * Configuration revisions and each instance's answer to them: {@code ConfigEvent} records, one
     * partition, compacted. Keyed by {@code revision} and {@code instance/<id>}, not by query id.
     */
    public static final String CONFIG = "clearsky.config";

    /**
     * Audited actions: {@code AuditRecord} records (questions with the SQL that ran, refusals, cancels,
     * reloads, admin reads), keyed by query id or principal.
     */
    public static final String AUDIT = "clearsky.audit";

    /** Users' verdicts on answers: {@code AnswerFeedback} records keyed by query id. */
    public static final String FEEDBACK = "clearsky.feedback";

    /**
     * Verified question-to-SQL pairs promoted from answers: {@code VerifiedQuestionPromoted} records,
     * compacted, keyed by database and normalised question; every worker reads all of it.
     */
    public static final String VERIFIED_QUESTIONS = "clearsky.verified-questions";

    private Topics() {
    }
}
