package io.clearsky.worker.generation;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.worker.generation.bedrock.BedrockSqlGenerator;
import io.clearsky.worker.generation.openai.OpenAiSqlGenerator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Builds the generator {@code clearsky.generation.generator} names, for the worker and the evaluation
 * harness alike.
 */
public final class SqlGenerators {

    private SqlGenerators() {
    }

    /**
     * @param bedrockEndpoint an explicit Bedrock Runtime endpoint, or null for the SDK's endpoint settings
     * @throws IllegalArgumentException for a generator name ClearSky does not have
     */
    public static SqlGenerator create(GenerationProperties properties, Supplier<ChatbotConfig> config, AwsClients aws,
            URI bedrockEndpoint) {
        Clock clock = Clock.systemUTC();
        return switch (properties.generator()) {
            case "offline" -> new OfflineSqlGenerator();
            case "bedrock" -> new BedrockSqlGenerator(bedrock(config.get().bedrock(), aws, bedrockEndpoint), config,
                    new ModelCalls("Bedrock", properties.bedrock(), clock), clock);
            case "openai" -> new OpenAiSqlGenerator(openAi(properties.openai()), properties.openai().model(), config,
                    new ModelCalls("The model endpoint", properties.openai().resilience(), clock), clock);
            default -> throw new IllegalArgumentException("clearsky.generation.generator must be offline, bedrock or openai, not '"
                    + properties.generator() + "'");
        };
    }

    /** Retries are ModelCalls' job, with the query's deadline in view; the SDK's own would multiply them. */
    private static BedrockRuntimeAsyncClient bedrock(ChatbotConfig.Bedrock model, AwsClients aws, URI endpoint) {
        return AwsClients.endpoint(BedrockRuntimeAsyncClient.builder()
                .region((model.region() != null) ? Region.of(model.region()) : aws.region())
                .credentialsProvider(aws.credentials())
                .overrideConfiguration((client) -> client.retryStrategy(AwsRetryStrategy.doNotRetry())), endpoint).build();
    }

    /** Endpoints such as Ollama want no key; the client insists on one, which they ignore. */
    private static OpenAIClient openAi(GenerationProperties.OpenAi endpoint) {
        return OpenAIOkHttpClient.builder().baseUrl(endpoint.baseUrl().toString())
                .apiKey((endpoint.apiKey() != null) ? endpoint.apiKey() : "none").maxRetries(0)
                .timeout(Duration.ofMinutes(2)).build();
    }
}
