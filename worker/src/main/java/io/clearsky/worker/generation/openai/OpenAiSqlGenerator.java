package io.clearsky.worker.generation.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationException;
import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.ModelCalls;
import io.clearsky.worker.generation.ModelUsage;
import io.clearsky.worker.generation.SqlGenerator;
import io.clearsky.worker.generation.prompt.AnswerTools;
import io.clearsky.worker.generation.prompt.AnswerTools.ToolReply;
import io.clearsky.worker.generation.prompt.SqlPrompt;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible chat endpoint writing SQL with the same prompt and answer tools as Bedrock
 * ({@code tool_choice: required}). Token limit and temperature come from {@code chatbot_config.json}'s
 * {@code bedrock} section, so switching generators keeps the sampling settings.
 */
public final class OpenAiSqlGenerator implements SqlGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<ChatCompletionFunctionTool> TOOLS = AnswerTools.TOOLS.stream()
            .map((tool) -> ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name(tool.name())
                    .description(tool.description()).parameters(parameters(tool)).build()).build())
            .toList();

    private final OpenAIClient client;

    private final String model;

    private final Supplier<ChatbotConfig> config;

    private final ModelCalls calls;

    private final Clock clock;

    public OpenAiSqlGenerator(OpenAIClient client, String model, Supplier<ChatbotConfig> config, ModelCalls calls,
            Clock clock) {
        this.client = client;
        this.model = model;
        this.config = config;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public boolean corrects() {
        return true;
    }

    @Override
    public Generation generate(GenerationRequest request) throws GenerationException {
        ChatbotConfig.Bedrock sampling = this.config.get().bedrock();
        String system = SqlPrompt.system(request, LocalDate.now(this.clock));
        return AnswerTools.ask(SqlPrompt.user(request), (user) -> complete(system, user, sampling));
    }

    private ToolReply complete(String system, String user, ChatbotConfig.Bedrock sampling) throws GenerationException {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(this.model)
                .addSystemMessage(system).addUserMessage(user).maxCompletionTokens(sampling.maxTokens())
                .temperature(sampling.temperature())
                .toolChoice(ChatCompletionToolChoiceOption.ofAuto(ChatCompletionToolChoiceOption.Auto.REQUIRED));
        TOOLS.forEach(params::addTool);
        long start = System.nanoTime();
        ChatCompletion completion = this.calls.call(() -> this.client.chat().completions().create(params.build()),
                (failure) -> failure instanceof RateLimitException || failure instanceof InternalServerException
                        || failure instanceof OpenAIIoException, this::failure);
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        ModelUsage usage = completion.usage().map((tokens) -> new ModelUsage(1, tokens.promptTokens(),
                tokens.completionTokens(), latencyMs)).orElse(new ModelUsage(1, 0, 0, latencyMs));
        return completion.choices().stream().findFirst()
                .flatMap((choice) -> choice.message().toolCalls()).flatMap((toolCalls) -> toolCalls.stream().findFirst())
                .flatMap(ChatCompletionMessageToolCall::function).map(ChatCompletionMessageFunctionToolCall::function)
                .map((function) -> new ToolReply(function.name(), function.arguments(), usage))
                .orElse(new ToolReply(null, null, usage));
    }

    private GenerationException failure(Exception failure) {
        return switch (failure) {
            case UnauthorizedException denied -> new GenerationException("MODEL_ACCESS_DENIED",
                    "The model endpoint refused the API key (401). Check clearsky.generation.openai.api-key.", false, failure);
            case PermissionDeniedException denied -> new GenerationException("MODEL_ACCESS_DENIED",
                    "The model endpoint refused access to " + this.model + " (403).", false, failure);
            case NotFoundException missing -> new GenerationException("MODEL_NOT_FOUND", "The endpoint has no model "
                    + this.model + ". Check clearsky.generation.openai.model.", false, failure);
            case BadRequestException invalid -> new GenerationException("MODEL_REQUEST_INVALID",
                    "The model endpoint refused the request: " + invalid.getMessage(), false, failure);
            case OpenAIServiceException service -> new GenerationException("MODEL_ERROR",
                    "The model endpoint failed (" + service.statusCode() + ").", true, failure);
            default -> new GenerationException("MODEL_ERROR", "The model call failed: " + failure.getMessage(), true, failure);
        };
    }

    /** The tool's JSON Schema as the client's parameters object. */
    private static FunctionParameters parameters(AnswerTools.Tool tool) {
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        Map<?, ?> schema = JSON.treeToValue(tool.inputSchema(), Map.class);
        schema.forEach((name, value) -> parameters.putAdditionalProperty((String) name, JsonValue.from(value)));
        return parameters.build();
    }
}
