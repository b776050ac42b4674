package io.clearsky.worker.generation;

/**
 * Writes SQL for a question.
 */
public interface SqlGenerator {

    /** Short name recorded in answers, e.g. {@code offline} or {@code bedrock}. */
    String name();

    Generation generate(GenerationRequest request);
}
