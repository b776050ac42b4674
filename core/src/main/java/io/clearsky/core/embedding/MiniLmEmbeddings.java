package io.clearsky.core.embedding;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2, quantized, run in process by ONNX Runtime from the model inside its jar: 384
 * dimensions, about 2 ms per short text on one core, no network. Loaded on first use.
 */
public final class MiniLmEmbeddings implements Embeddings {

    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    @Override
    public String model() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        return Vectors.normalized(loaded().embed(text).content().vector());
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel loaded() {
        AllMiniLmL6V2QuantizedEmbeddingModel loaded = this.model;
        if (loaded == null) {
            synchronized (this) {
                if (this.model == null) {
                    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = this.model;
            }
        }
        return loaded;
    }
}
