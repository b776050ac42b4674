package io.clearsky.worker.generation.bedrock;

import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationException;
import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.ModelCalls;
import io.clearsky.worker.generation.ModelUsage;
import io.clearsky.worker.generation.SqlGenerator;
import io.clearsky.worker.generation.prompt.AnswerTools;
import io.clearsky.worker.generation.prompt.AnswerTools.ToolReply;
import io.clearsky.worker.generation.prompt.PartialJson;
import io.clearsky.worker.generation.prompt.SqlPrompt;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Claude on Bedrock through the Converse API (ConverseStream with {@code features.enable_streaming}). The
 * model must answer by calling one of the answer tools, so its reply is structured; a reply that is free
 * text or does not fit the tool schema is asked for once more and otherwise refused, never run. Model id,
 * token limit and temperature are read from the live configuration per question; model ids and
 * cross-region inference profile ids both work.
 */
public final class BedrockSqlGenerator implements SqlGenerator {

    private static final ToolConfiguration TOOLS = ToolConfiguration.builder()
            .tools(AnswerTools.TOOLS.stream().map((tool) -> Tool.fromToolSpec(ToolSpecification.builder()
                    .name(tool.name()).description(tool.description())
                    .inputSchema(ToolInputSchema.fromJson(Documents.of(tool.inputSchema()))).build())).toList())
            .toolChoice(ToolChoice.fromAny(AnyToolChoice.builder().build()))
            .build();

    private final BedrockRuntimeAsyncClient bedrock;

    private final Supplier<ChatbotConfig> config;

    private final ModelCalls calls;

    private final Clock clock;

    public BedrockSqlGenerator(BedrockRuntimeAsyncClient bedrock, Supplier<ChatbotConfig> config, ModelCalls calls,
            Clock clock) {
        this.bedrock = bedrock;
        this.config = config;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "bedrock";
    }

    @Override
    public boolean corrects() {
        return true;
    }

    @Override
    public Generation generate(GenerationRequest request) throws GenerationException {
        return generate(request, (text) -> { });
    }

    @Override
    public Generation generate(GenerationRequest request, Consumer<String> progress) throws GenerationException {
        ChatbotConfig settings = this.config.get();
        String system = SqlPrompt.system(request, LocalDate.now(this.clock));
        return AnswerTools.ask(SqlPrompt.user(request), (user) -> settings.features().enableStreaming()
                ? stream(settings.bedrock(), system, user, progress) : converse(settings.bedrock(), system, user));
    }

    private ToolReply converse(ChatbotConfig.Bedrock model, String system, String user) throws GenerationException {
        ConverseRequest request = ConverseRequest.builder().modelId(model.modelId())
                .system(SystemContentBlock.fromText(system)).messages(userMessage(user)).toolConfig(TOOLS)
                .inferenceConfig(inference(model)).build();
        ConverseResponse response = invoke(() -> this.bedrock.converse(request).get(), model);
        ModelUsage usage = new ModelUsage(1, response.usage().inputTokens(), response.usage().outputTokens(),
                (response.metrics() != null) ? response.metrics().latencyMs() : 0);
        ToolUseBlock toolUse = response.output().message().content().stream().map(ContentBlock::toolUse)
                .filter((block) -> block != null).findFirst().orElse(null);
        return (toolUse != null) ? new ToolReply(toolUse.name(), Documents.json(toolUse.input()).toString(), usage)
                : new ToolReply(null, null, usage);
    }

    /** The same call, streamed: the explanation is passed on as it arrives. */
    private ToolReply stream(ChatbotConfig.Bedrock model, String system, String user, Consumer<String> progress)
            throws GenerationException {
        ConverseStreamRequest request = ConverseStreamRequest.builder().modelId(model.modelId())
                .system(SystemContentBlock.fromText(system)).messages(userMessage(user)).toolConfig(TOOLS)
                .inferenceConfig(inference(model)).build();
        return invoke(() -> {
            StreamedReply streamed = new StreamedReply(progress);
            ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                    .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                            .onContentBlockStart((event) -> {
                                if (event.start() != null && event.start().toolUse() != null) {
                                    streamed.toolName = event.start().toolUse().name();
                                }
                            })
                            .onContentBlockDelta((event) -> {
                                if (event.delta() != null && event.delta().toolUse() != null) {
                                    streamed.input(event.delta().toolUse().input());
                                }
                            })
                            .onMetadata((event) -> {
                                if (event.usage() != null) {
                                    streamed.inputTokens = event.usage().inputTokens();
                                    streamed.outputTokens = event.usage().outputTokens();
                                }
                                if (event.metrics() != null) {
                                    streamed.latencyMs = event.metrics().latencyMs();
                                }
                            })
                            .build())
                    .build();
            this.bedrock.converseStream(request, handler).get();
            return streamed.reply();
        }, model);
    }

    private <T> T invoke(Callable<T> call, ChatbotConfig.Bedrock model) throws GenerationException {
        return this.calls.call(call, BedrockSqlGenerator::isTransient, (failure) -> failure(cause(failure), model));
    }

    private static boolean isTransient(Throwable failure) {
        Throwable cause = cause(failure);
        return cause instanceof ThrottlingException || cause instanceof ServiceUnavailableException
                || cause instanceof ModelTimeoutException || cause instanceof InternalServerException
                || cause instanceof ModelNotReadyException || cause instanceof SdkClientException;
    }

    /** Bedrock's refusals as messages an asker or operator can act on. */
    private static GenerationException failure(Throwable cause, ChatbotConfig.Bedrock model) {
        String detail = (cause instanceof BedrockRuntimeException bedrock && bedrock.awsErrorDetails() != null)
                ? bedrock.awsErrorDetails().errorMessage() : cause.getMessage();
        return switch (cause) {
            case AccessDeniedException denied -> new GenerationException("MODEL_ACCESS_DENIED", "This worker may not invoke "
                    + model.modelId() + " (" + detail + "). Grant bedrock:InvokeModel and enable model access.", false, cause);
            case ResourceNotFoundException missing -> new GenerationException("MODEL_NOT_FOUND", "Bedrock has no model "
                    + model.modelId() + " here (" + detail + "). Check bedrock.model_id and the region.", false, cause);
            case ValidationException invalid -> new GenerationException("MODEL_REQUEST_INVALID",
                    "Bedrock refused the request: " + detail, false, cause);
            default -> new GenerationException("MODEL_ERROR", "The model call failed: " + detail, true, cause);
        };
    }

    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Message userMessage(String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
    }

    private static InferenceConfiguration inference(ChatbotConfig.Bedrock model) {
        return InferenceConfiguration.builder().maxTokens(model.maxTokens()).temperature(model.temperature().floatValue())
                .build();
    }

    /** Gathers a streamed reply; the handler's callbacks run one at a time. */
    private static final class StreamedReply {

        private final Consumer<String> progress;

        private final StringBuilder input = new StringBuilder();

        private String toolName;

        private String explained = "";

        private long inputTokens;

        private long outputTokens;

        private long latencyMs;

        StreamedReply(Consumer<String> progress) {
            this.progress = progress;
        }

        void input(String delta) {
            if (delta == null) {
                return;
            }
            this.input.append(delta);
            String explanation = PartialJson.stringSoFar(this.input, "explanation");
            // Whole sentences only, so the asker sees a few readable updates rather than one per token.
            String sentences = (explanation != null) ? wholeSentences(explanation) : "";
            if (sentences.length() > this.explained.length()) {
                this.explained = sentences;
                this.progress.accept(sentences);
            }
        }

        /** The text up to its last sentence end. */
        private static String wholeSentences(String text) {
            for (int i = text.length() - 1; i >= 0; i--) {
                char c = text.charAt(i);
                if ((c == '.' || c == '!' || c == '?') && (i == text.length() - 1 || Character.isWhitespace(text.charAt(i + 1)))) {
                    return text.substring(0, i + 1);
                }
            }
            return "";
        }

        ToolReply reply() {
            ModelUsage usage = new ModelUsage(1, this.inputTokens, this.outputTokens, this.latencyMs);
            return new ToolReply(this.toolName, (this.toolName != null) ? this.input.toString() : null, usage);
        }
    }
}
