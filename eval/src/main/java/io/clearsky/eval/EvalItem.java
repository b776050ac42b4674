package io.clearsky.eval;

import java.util.List;

/**
 * The outcome of one question.
 *
 * @param id the question's id
 * @param db its database
 * @param source where the question comes from
 * @param hardness Spider difficulty, or {@code null}
 * @param answered whether a query was produced and executed
 * @param correct whether its result equals a gold result
 * @param sql the SQL the generator produced, or {@code null}
 * @param error why there is no (correct) answer: the abstention, the guard's or the engine's reason
 * @param tablesRetrieved the tables retrieval offered, best first
 * @param latencyMs time from the question to the result, in milliseconds
 */
public record EvalItem(String id, String db, String source, String hardness, boolean answered, boolean correct,
        String sql, String error, List<String> tablesRetrieved, double latencyMs) {
}
