package io.clearsky.worker.generation;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which generator writes SQL and how model calls behave ({@code clearsky.generation.*}). The model, its
 * region, token limit and temperature come from {@code chatbot_config.json}.
 *
 * @param generator {@code offline}, {@code bedrock} or {@code openai}
 * @param maxAttempts SQL attempts per question: after a guard rejection or a correctable engine error the
 * model sees the error and tries again, up to this many times in all
 * @param bedrock Bedrock call behaviour
 * @param openai the OpenAI-compatible endpoint (Ollama, vLLM, LM Studio, OpenAI)
 */
@ConfigurationProperties("clearsky.generation")
public record GenerationProperties(String generator, Integer maxAttempts, Resilience bedrock, OpenAi openai) {

    public GenerationProperties {
        generator = (generator != null) ? generator : "offline";
        maxAttempts = (maxAttempts != null) ? maxAttempts : 3;
        bedrock = (bedrock != null) ? bedrock : new Resilience(null, null, null, null, null, null);
        openai = (openai != null) ? openai : new OpenAi(null, null, null, null);
    }

    /**
     * @param maxConcurrentCalls model calls one worker makes at once; more wait for a slot
     * @param maxRetries retries of a throttled, unavailable or timed-out call
     * @param baseBackoff wait before the first retry; it doubles per retry, with jitter
     * @param maxBackoff longest wait between retries
     * @param breakerThreshold consecutive calls that exhausted their retries before calls fail fast
     * @param breakerOpenFor how long calls fail fast once the breaker opens
     */
    public record Resilience(Integer maxConcurrentCalls, Integer maxRetries, Duration baseBackoff, Duration maxBackoff,
            Integer breakerThreshold, Duration breakerOpenFor) {

        public Resilience {
            maxConcurrentCalls = (maxConcurrentCalls != null) ? maxConcurrentCalls : 32;
            maxRetries = (maxRetries != null) ? maxRetries : 4;
            baseBackoff = (baseBackoff != null) ? baseBackoff : Duration.ofMillis(500);
            maxBackoff = (maxBackoff != null) ? maxBackoff : Duration.ofSeconds(20);
            breakerThreshold = (breakerThreshold != null) ? breakerThreshold : 5;
            breakerOpenFor = (breakerOpenFor != null) ? breakerOpenFor : Duration.ofSeconds(30);
        }
    }

    /**
     * @param baseUrl the endpoint, e.g. {@code http://localhost:11434/v1} for Ollama
     * @param model the model name the endpoint serves
     * @param apiKey the key, when the endpoint wants one (never logged)
     * @param resilience call behaviour
     */
    public record OpenAi(URI baseUrl, String model, String apiKey, Resilience resilience) {

        public OpenAi {
            baseUrl = (baseUrl != null) ? baseUrl : URI.create("http://localhost:11434/v1");
            model = (model != null) ? model : "qwen2.5-coder:7b";
            resilience = (resilience != null) ? resilience : new Resilience(null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + this.baseUrl + ", model=" + this.model + ", apiKey=" + ((this.apiKey != null) ? "****" : null) + "]";
        }
    }
}
