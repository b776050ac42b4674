package io.clearsky.worker.generation;

/**
 * A generator's reply: SQL to run, or a reasoned refusal.
 */
public sealed interface Generation {

    /**
     * SQL that answers the question.
     *
     * @param sql one query in the target dialect
     * @param explanation what the query does, in plain language
     */
    record Sql(String sql, String explanation) implements Generation {
    }

    /**
     * The generator is not sure it can answer correctly and says so instead of guessing.
     *
     * @param reason why, in plain language
     */
    record CannotAnswer(String reason) implements Generation {
    }
}
