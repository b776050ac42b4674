package io.clearsky.worker.pipeline;

import io.clearsky.worker.generation.ModelUsage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * What the pipeline counts for operators: model tokens and latency per generator, and SQL corrections
 * by what caused them. Exposed through the worker's actuator ({@code /actuator/metrics}, Prometheus).
 */
public final class PipelineMetrics {

    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void modelCalled(String generator, ModelUsage usage) {
        if (usage.calls() == 0) {
            return;
        }
        this.registry.counter("clearsky.model.calls", "generator", generator).increment(usage.calls());
        this.registry.counter("clearsky.model.tokens", "generator", generator, "direction", "input")
                .increment(usage.inputTokens());
        this.registry.counter("clearsky.model.tokens", "generator", generator, "direction", "output")
                .increment(usage.outputTokens());
        this.registry.timer("clearsky.model.latency", "generator", generator).record(Duration.ofMillis(usage.latencyMs()));
    }

    void corrected(String generator, String cause) {
        this.registry.counter("clearsky.sql.corrections", "generator", generator, "cause", cause).increment();
    }
}
