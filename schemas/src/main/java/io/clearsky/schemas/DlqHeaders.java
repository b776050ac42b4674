package io.clearsky.schemas;

/**
 * Header names on records in the dead-letter topic; values are UTF-8 text.
 */
public final class DlqHeaders {

    /** Machine-readable reason, e.g. {@code UNREADABLE_RECORD} or {@code INVALID_QUESTION}. */
    public static final String REASON_CODE = "clearsky.dlq.reason-code";

    /** Human-readable reason naming the offending field where there is one. */
    public static final String REASON = "clearsky.dlq.reason";

    /** Topic, partition and offset the record was read from, as {@code topic-partition@offset}. */
    public static final String ORIGIN = "clearsky.dlq.origin";

    private DlqHeaders() {
    }
}
