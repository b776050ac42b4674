package io.clearsky.core.embedding;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amazon Titan Text Embeddings v2 on Bedrock ({@code InvokeModel}), asked for normalized vectors of the
 * configured dimension (256, 512 or 1024). Each text is one call; wrap it in {@link CachedEmbeddings} so
 * unchanged documents and repeated questions are not paid for twice.
 */
public final class TitanEmbeddings implements Embeddings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BedrockRuntimeClient bedrock;

    private final String modelId;

    private final int dimension;

    public TitanEmbeddings(BedrockRuntimeClient bedrock, String modelId, int dimension) {
        if (dimension != 256 && dimension != 512 && dimension != 1024) {
            throw new IllegalArgumentException("Titan Text Embeddings v2 makes 256, 512 or 1024 dimensions, not " + dimension);
        }
        this.bedrock = bedrock;
        this.modelId = modelId;
        this.dimension = dimension;
    }

    @Override
    public String model() {
        return this.modelId;
    }

    @Override
    public int dimension() {
        return this.dimension;
    }

    @Override
    public float[] embed(String text) {
        String body = JSON.createObjectNode().put("inputText", text).put("dimensions", this.dimension)
                .put("normalize", true).toString();
        JsonNode response = JSON.readTree(this.bedrock.invokeModel((request) -> request.modelId(this.modelId)
                .contentType("application/json").accept("application/json").body(SdkBytes.fromUtf8String(body)))
                .body().asUtf8String());
        JsonNode embedding = response.get("embedding");
        if (embedding == null || !embedding.isArray() || embedding.size() != this.dimension) {
            throw new IllegalStateException(this.modelId + " returned no " + this.dimension + "-dimension embedding");
        }
        float[] vector = new float[this.dimension];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) embedding.get(i).asDouble();
        }
        return Vectors.normalized(vector);
    }
}
