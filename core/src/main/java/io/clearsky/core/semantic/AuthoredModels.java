package io.clearsky.core.semantic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The semantic model files as read with the configuration, by database: part of a configuration revision,
 * so that a changed model changes the fingerprint and every instance installs the same models.
 *
 * @param models the authored model of each database that has one
 * @param locations where each was read from
 */
public record AuthoredModels(Map<String, SemanticModel> models, Map<String, String> locations) {

    public static final AuthoredModels NONE = new AuthoredModels(Map.of(), Map.of());

    public AuthoredModels {
        models = Map.copyOf(models);
        locations = Map.copyOf(locations);
    }

    /** The authored model of a database, ignoring case. */
    public Optional<SemanticModel> of(String database) {
        return this.models.entrySet().stream().filter((entry) -> entry.getKey().equalsIgnoreCase(database))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Where the model of a database was read from; null when it has none. */
    public String location(String database) {
        return this.locations.entrySet().stream().filter((entry) -> entry.getKey().equalsIgnoreCase(database))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The databases with an authored model, sorted. */
    public List<String> databases() {
        return List.copyOf(new TreeMap<>(this.models).keySet());
    }

    public boolean isEmpty() {
        return this.models.isEmpty();
    }
}
