package io.clearsky.eval;

import java.util.List;

/**
 * The outcome of one question.
 *
 * @param id the question's id
 * @param db its database
 * @param source where the question comes from
 * @param hardness Spider difficulty, or {@code null}
 * @param category the kind of question, or {@code null}
 * @param answerable whether the question has a gold answer (one without is there to be declined)
 * @param outcome what the generator did with it
 * @param answered whether a query was produced and executed
 * @param correct whether its result equals a gold result
 * @param sql the SQL the generator produced, or {@code null}
 * @param error why there is no (correct) answer: the abstention, the guard's or the engine's reason
 * @param tablesRetrieved the tables retrieval offered, best first
 * @param latencyMs time from the question to the result, in milliseconds
 */
public record EvalItem(String id, String db, String source, String hardness, String category, boolean answerable,
        Outcome outcome, boolean answered, boolean correct, String sql, String error, List<String> tablesRetrieved,
        double latencyMs) {

    /** What the generator did with a question. */
    public enum Outcome {
        /** SQL taken from a verified question of the semantic model. */
        VERIFIED,
        /** SQL the generator composed. */
        COMPOSED,
        /** The generator declined. */
        DECLINED,
        /** The generator asked which of several readings is meant. */
        CLARIFICATION,
        /** Generation failed, or its SQL was rejected or did not run. */
        FAILED
    }

    /** Whether the outcome is right for a question without an answer: declined or clarified, not answered. */
    public boolean declinedUnanswerable() {
        return !this.answerable && (this.outcome == Outcome.DECLINED || this.outcome == Outcome.CLARIFICATION);
    }
}
