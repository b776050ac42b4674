package io.clearsky.worker.execution;

/**
 * One guarded query to run.
 *
 * @param queryId the query it answers; with {@code attempt}, it makes starting the query idempotent
 * @param attempt which SQL of this query it is, from 1; a corrected SQL is a new attempt
 * @param sql one read-only statement that passed the guard
 * @param database the database it is asked against
 * @param maxRows rows to read into the answer; the rest are counted
 * @param fullResultAbove a result with more rows than this is kept in full for download, when the engine
 * can ({@code features.large_result_threshold}, or fewer when the answer shows fewer rows)
 */
public record EngineQuery(String queryId, int attempt, String sql, String database, int maxRows, int fullResultAbove) {
}
