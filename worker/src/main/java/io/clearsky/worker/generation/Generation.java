package io.clearsky.worker.generation;

import java.util.List;

/**
 * A generator's reply: SQL to run, or a reasoned refusal.
 */
public sealed interface Generation {

    /** What producing this reply cost. */
    ModelUsage usage();

    /**
     * SQL that answers the question.
     *
     * @param sql one query in the target dialect
     * @param explanation what the query does, in plain language
     * @param tablesUsed the tables the query reads, as the generator names them
     * @param assumptions what the generator assumed where the question was ambiguous
     * @param chartHint the chart the generator suggests, e.g. {@code bar}; null for none
     * @param confidence how sure the generator is, 0–1; null when it does not say
     * @param usage what producing it cost
     */
    record Sql(String sql, String explanation, List<String> tablesUsed, List<String> assumptions, String chartHint,
            Double confidence, ModelUsage usage) implements Generation {

        public Sql {
            tablesUsed = (tablesUsed != null) ? List.copyOf(tablesUsed) : List.of();
            assumptions = (assumptions != null) ? List.copyOf(assumptions) : List.of();
            usage = (usage != null) ? usage : ModelUsage.NONE;
        }

        /** SQL from a generator that calls no model and reports nothing else. */
        public Sql(String sql, String explanation) {
            this(sql, explanation, List.of(), List.of(), null, null, ModelUsage.NONE);
        }
    }

    /**
     * The generator cannot answer correctly and says so instead of guessing.
     *
     * @param reason why, in plain language
     * @param clarifyingQuestion what the asker could say to make the question answerable; null when none
     * @param usage what producing it cost
     */
    record CannotAnswer(String reason, String clarifyingQuestion, ModelUsage usage) implements Generation {

        public CannotAnswer {
            usage = (usage != null) ? usage : ModelUsage.NONE;
        }

        public CannotAnswer(String reason) {
            this(reason, null, ModelUsage.NONE);
        }
    }

    /**
     * The question fits more than one reading equally well; the generator asks which one is meant
     * instead of guessing.
     *
     * @param reason which words fit which readings, in plain language
     * @param clarifyingQuestion the question to put to the asker ("By region, do you mean the customer's
     * region or the sales rep's?")
     * @param choices the readings to choose from, each short enough for a button
     * @param usage what producing it cost
     */
    record Clarification(String reason, String clarifyingQuestion, List<String> choices, ModelUsage usage)
            implements Generation {

        public Clarification {
            choices = (choices != null) ? List.copyOf(choices) : List.of();
            usage = (usage != null) ? usage : ModelUsage.NONE;
        }
    }
}
