package io.clearsky.worker.generation;

import io.clearsky.worker.retrieval.SchemaContext;

/**
 * What a generator may see: the question and the schema context. Never gold answers.
 *
 * @param question the question text
 * @param schema the retrieved tables
 * @param maxRows rows the answer will show
 */
public record GenerationRequest(String question, SchemaContext schema, int maxRows) {
}
