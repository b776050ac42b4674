package io.clearsky.core.vector;

import io.clearsky.core.embedding.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * An exact (brute-force) index in memory: a few thousand schema documents are scanned in well under a
 * millisecond, with no approximation to tune. Serves locally and wherever no vector store is configured.
 */
public final class InMemoryVectorIndex implements VectorIndex {

    private final int dimension;

    private final Map<String, Map<String, Entry>> byDatabase = new ConcurrentHashMap<>();

    public InMemoryVectorIndex(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return this.dimension;
    }

    @Override
    public Set<String> contentHashes(String database) {
        return this.byDatabase.getOrDefault(database, Map.of()).values().stream()
                .map((entry) -> entry.document().contentHash()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void upsert(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.vector().length != this.dimension) {
                throw new IllegalArgumentException("A " + entry.vector().length + "-dimension vector cannot go into a "
                        + this.dimension + "-dimension index");
            }
            this.byDatabase.computeIfAbsent(entry.document().database(), (name) -> new ConcurrentHashMap<>())
                    .put(entry.document().id(), entry);
        }
    }

    @Override
    public List<Match> search(String database, float[] query, int topK) {
        List<Match> matches = new ArrayList<>();
        for (Entry entry : this.byDatabase.getOrDefault(database, Map.of()).values()) {
            matches.add(new Match(entry.document(), Vectors.dot(query, entry.vector())));
        }
        matches.sort(Comparator.comparingDouble(Match::similarity).reversed());
        return List.copyOf(matches.subList(0, Math.min(topK, matches.size())));
    }
}
