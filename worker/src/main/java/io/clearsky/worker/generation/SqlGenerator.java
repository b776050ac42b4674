package io.clearsky.worker.generation;

import java.util.function.Consumer;

/**
 * Writes SQL for a question.
 */
public interface SqlGenerator {

    /** Short name recorded in answers, e.g. {@code offline} or {@code bedrock}. */
    String name();

    /**
     * @throws GenerationException when the model cannot be reached or answers unusably after its retries
     */
    Generation generate(GenerationRequest request) throws GenerationException;

    /**
     * The same, passing on what the model writes as it writes it (a streamed explanation), for
     * generators that stream.
     */
    default Generation generate(GenerationRequest request, Consumer<String> progress) throws GenerationException {
        return generate(request);
    }

    /**
     * Whether telling this generator why its SQL failed can produce better SQL. A deterministic
     * generator would only repeat itself.
     */
    default boolean corrects() {
        return false;
    }
}
