package io.clearsky.worker.generation;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.worker.generation.bedrock.BedrockSqlGenerator;
import io.clearsky.worker.generation.openai.OpenAiSqlGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Builds the generator {@code clearsky.generation.generator} names, for the worker and the evaluation
 * harness alike.
 */
public final class SqlGenerators {

    private SqlGenerators() {
    }

    /**
     * @throws IllegalArgumentException for a generator name ClearSky does not have
     */
    public static SqlGenerator create(GenerationProperties properties, Supplier<ChatbotConfig> config, AwsClients aws) {
        Clock clock = Clock.systemUTC();
        return switch (properties.generator()) {
            case "offline" -> new OfflineSqlGenerator();
            case "bedrock" -> new BedrockSqlGenerator(aws.bedrockAsync(config.get().bedrock().region()), config,
                    new ModelCalls("Bedrock", properties.bedrock(), clock), clock);
            case "openai" -> new OpenAiSqlGenerator(openAi(properties.openai()), properties.openai().model(), config,
                    new ModelCalls("The model endpoint", properties.openai().resilience(), clock), clock);
            default -> throw new IllegalArgumentException("clearsky.generation.generator must be offline, bedrock or openai, not '"
                    + properties.generator() + "'");
        };
    }

    /** Endpoints such as Ollama want no key; the client insists on one, which they ignore. */
    private static OpenAIClient openAi(GenerationProperties.OpenAi endpoint) {
        return OpenAIOkHttpClient.builder().baseUrl(endpoint.baseUrl().toString())
                .apiKey((endpoint.apiKey() != null) ? endpoint.apiKey() : "none").maxRetries(0)
                .timeout(Duration.ofMinutes(2)).build();
    }
}
