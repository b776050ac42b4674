package io.clearsky.worker.generation;

/**
 * What calling a model cost: calls made, tokens read and written, time spent waiting for it.
 *
 * @param calls model calls, retries included
 * @param inputTokens tokens the model read
 * @param outputTokens tokens the model wrote
 * @param latencyMs time spent in model calls
 */
public record ModelUsage(int calls, long inputTokens, long outputTokens, long latencyMs) {

    /** No model was called. */
    public static final ModelUsage NONE = new ModelUsage(0, 0, 0, 0);

    public ModelUsage plus(ModelUsage other) {
        return new ModelUsage(this.calls + other.calls, this.inputTokens + other.inputTokens,
                this.outputTokens + other.outputTokens, this.latencyMs + other.latencyMs);
    }
}
