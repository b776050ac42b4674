package io.clearsky.core.embedding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        String key = contentHash(text);
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

    /** SHA-256 of the text, hex: the identity of a document's content. */
    public static String contentHash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
