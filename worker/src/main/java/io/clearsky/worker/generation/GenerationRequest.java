package io.clearsky.worker.generation;

import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.worker.retrieval.SchemaContext;
import java.util.List;

/**
 * What a generator may see: the question, the schema context, the session so far, and what went wrong
 * with its earlier SQL for this question. Never gold answers.
 *
 * @param question the question text
 * @param schema the retrieved tables
 * @param maxRows rows the answer will show
 * @param engine the engine the SQL runs on ({@code athena} or {@code duckdb}), which sets the dialect
 * @param history earlier questions of the same session with the SQL that answered them, oldest first
 * @param corrections earlier SQL for this question and why it failed, oldest first; empty on the first attempt
 * @param model the semantic model in effect for the database (authored over derived); null when there is none
 */
public record GenerationRequest(String question, SchemaContext schema, int maxRows, String engine, List<Turn> history,
        List<Correction> corrections, SemanticModel model) {

    public GenerationRequest {
        history = (history != null) ? List.copyOf(history) : List.of();
        corrections = (corrections != null) ? List.copyOf(corrections) : List.of();
    }

    /** A first attempt with no session history, as the evaluation harness asks. */
    public GenerationRequest(String question, SchemaContext schema, int maxRows, String engine) {
        this(question, schema, maxRows, engine, List.of(), List.of(), null);
    }

    /** A request in a session, before any correction, with no semantic model. */
    public GenerationRequest(String question, SchemaContext schema, int maxRows, String engine, List<Turn> history,
            List<Correction> corrections) {
        this(question, schema, maxRows, engine, history, corrections, null);
    }

    /** The same request over a semantic model. */
    public GenerationRequest withModel(SemanticModel semanticModel) {
        return new GenerationRequest(this.question, this.schema, this.maxRows, this.engine, this.history,
                this.corrections, semanticModel);
    }

    /** The same request, one failed attempt later. */
    public GenerationRequest correctedAfter(Correction correction) {
        List<Correction> all = new java.util.ArrayList<>(this.corrections);
        all.add(correction);
        return new GenerationRequest(this.question, this.schema, this.maxRows, this.engine, this.history, all, this.model);
    }

    /**
     * An earlier question of the session.
     *
     * @param question what was asked
     * @param sql the SQL that answered it
     */
    public record Turn(String question, String sql) {
    }

    /**
     * SQL that did not work.
     *
     * @param sql the SQL
     * @param error the guard's or the engine's message
     */
    public record Correction(String sql, String error) {
    }
}
