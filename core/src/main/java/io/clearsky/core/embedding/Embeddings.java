package io.clearsky.core.embedding;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product is their cosine similarity.
 */
public interface Embeddings {

    /** The model's name, e.g. {@code all-minilm-l6-v2-q} or {@code amazon.titan-embed-text-v2:0}. */
    String model();

    /** Length of every vector. */
    int dimension();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
