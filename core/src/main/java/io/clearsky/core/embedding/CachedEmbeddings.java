package io.clearsky.core.embedding;

import io.clearsky.core.Hashing;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the vectors of recently embedded texts by content hash, so re-indexing an unchanged catalog
 * or asking the same question again costs no model call.
 */
public final class CachedEmbeddings implements Embeddings {

    private final Embeddings delegate;

    private final Map<String, float[]> vectors;

    public CachedEmbeddings(Embeddings delegate, int capacity) {
        this.delegate = delegate;
        this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String model() {
        return this.delegate.model();
    }

    @Override
    public int dimension() {
        return this.delegate.dimension();
    }

    @Override
    public float[] embed(String text) {
        String key = Hashing.sha256Hex(text);
        synchronized (this.vectors) {
            float[] known = this.vectors.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] vector = this.delegate.embed(text);
        synchronized (this.vectors) {
            this.vectors.put(key, vector);
        }
        return vector;
    }
}
