package io.clearsky.eval;

import java.util.List;
import java.util.stream.Stream;

/**
 * One question of an evaluation set, as {@code questions.jsonl} holds it. The gold queries are for
 * scoring only; no generator ever sees them.
 *
 * @param id stable id, {@code <db>/<nnn>}
 * @param db folder of its database under {@code dbs/}
 * @param source where the question comes from, e.g. {@code spider}
 * @param question what the user asks
 * @param instructions extra guidance given with the question, possibly empty
 * @param goldSql the reference query
 * @param altGoldSql other accepted queries
 * @param orderMatters whether rows are compared in order
 * @param hardness Spider difficulty, or {@code null}
 * @param category the kind of question (defog's category, or the paraphrase set's kind), or {@code null}
 */
public record EvalQuestion(String id, String db, String source, String question, String instructions, String goldSql,
        List<String> altGoldSql, boolean orderMatters, String hardness, String category) {

    public EvalQuestion {
        altGoldSql = (altGoldSql != null) ? List.copyOf(altGoldSql) : List.of();
        instructions = (instructions != null) ? instructions : "";
    }

    /** A question without a kind. */
    public EvalQuestion(String id, String db, String source, String question, String instructions, String goldSql,
            List<String> altGoldSql, boolean orderMatters, String hardness) {
        this(id, db, source, question, instructions, goldSql, altGoldSql, orderMatters, hardness, null);
    }

    /**
     * Whether the question has an answer in its database. One without a gold query is there to be declined
     * (or answered with a clarifying question): answering it at all counts as a wrong answer.
     */
    public boolean answerable() {
        return this.goldSql != null && !this.goldSql.isBlank();
    }

    /** What a generator is asked: the question, followed by the instructions when there are any. */
    public String asked() {
        return this.instructions.isBlank() ? this.question : this.question + "\n" + this.instructions;
    }

    /** The gold query first, then the alternatives. */
    public List<String> acceptedSql() {
        return Stream.concat(Stream.of(this.goldSql), this.altGoldSql.stream()).toList();
    }
}
