package io.clearsky.core.semantic;

import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.Relationship;
import io.clearsky.core.semantic.SemanticModel.Segment;
import io.clearsky.core.semantic.SemanticModel.TimeDimension;
import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Lays an authored model over the one derived from the catalog. An authored object replaces the derived
 * one of the same name (an entity also the one of the same table, a relationship also the one joining
 * the same two entities); fields the authored entity leaves empty keep the derived values; derived objects
 * that refer to a replaced entity follow its authored name; authored additions are kept; a word an authored
 * object claims as a synonym is dropped from derived objects. Verified queries and instructions are the
 * authored ones first, then the derived ones not already there.
 */
public final class ModelOverlay {

    private ModelOverlay() {
    }

    /**
     * The model in effect and where each part came from.
     *
     * @param model the merged model
     * @param authored per kind ({@code entities}, {@code metrics}, …), the names of objects the authored
     * model supplied
     * @param derived per kind, the names of objects kept from the derived model
     */
    public record Layered(SemanticModel model, Map<String, List<String>> authored, Map<String, List<String>> derived) {

        public Layered {
            authored = Map.copyOf(authored);
            derived = Map.copyOf(derived);
        }
    }

    /** The derived model alone, every object derived. */
    public static Layered derivedOnly(SemanticModel derived) {
        return overlay(derived, null);
    }

    /**
     * @param derived the model derived from the catalog; null for none
     * @param authored the model an author wrote; null for none
     */
    public static Layered overlay(SemanticModel derived, SemanticModel authored) {
        String database = (authored != null) ? authored.database() : (derived != null) ? derived.database() : null;
        SemanticModel base = (derived != null) ? derived : empty(database);
        SemanticModel top = (authored != null) ? authored : empty(database);
        Map<String, List<String>> fromAuthored = new LinkedHashMap<>();
        Map<String, List<String>> fromDerived = new LinkedHashMap<>();

        Map<String, String> renamed = new HashMap<>();
        Set<String> claimed = claimedWords(top);
        List<Entity> entities = entities(base.entities(), top.entities(), renamed, claimed);
        UnaryOperator<String> entityName = (name) -> (name == null) ? null
                : renamed.getOrDefault(name.toLowerCase(Locale.ROOT), name);

        List<Relationship> relationships = merge(
                base.relationships().stream().map((r) -> new Relationship(r.name(), entityName.apply(r.from()),
                        entityName.apply(r.to()), r.columns(), r.cardinality())).toList(),
                top.relationships(), Relationship::name,
                (r) -> (r.from() + "->" + r.to()).toLowerCase(Locale.ROOT));
        List<Dimension> dimensions = merge(base.dimensions().stream().map((d) -> new Dimension(d.name(),
                entityName.apply(d.entity()), d.expression(), unclaimed(d.synonyms(), claimed), d.description(),
                d.indexedValues())).toList(), top.dimensions(), Dimension::name, null);
        List<TimeDimension> times = merge(base.timeDimensions().stream().map((t) -> new TimeDimension(t.name(),
                entityName.apply(t.entity()), t.expression(), t.grains(), t.defaultGrain(),
                unclaimed(t.synonyms(), claimed), t.description())).toList(), top.timeDimensions(), TimeDimension::name,
                null);
        List<Metric> metrics = merge(base.metrics().stream().map((m) -> new Metric(m.name(), entityName.apply(m.entity()),
                m.type(), m.aggregation(), m.expression(), m.filter(), m.numerator(), m.denominator(), m.timeDimension(),
                unclaimed(m.synonyms(), claimed), m.description())).toList(), top.metrics(), Metric::name, null);
        List<Segment> segments = merge(base.segments().stream().map((s) -> new Segment(s.name(), entityName.apply(s.entity()),
                s.filter(), unclaimed(s.synonyms(), claimed), s.description())).toList(), top.segments(), Segment::name,
                null);
        List<VerifiedQuery> verified = distinct(top.verifiedQueries(), base.verifiedQueries(),
                (query) -> query.question().strip().toLowerCase(Locale.ROOT));
        List<String> instructions = distinct(top.instructions(), base.instructions(), Function.identity());

        record(fromAuthored, fromDerived, "entities", entities, top.entities(), Entity::name);
        record(fromAuthored, fromDerived, "relationships", relationships, top.relationships(), Relationship::name);
        record(fromAuthored, fromDerived, "dimensions", dimensions, top.dimensions(), Dimension::name);
        record(fromAuthored, fromDerived, "timeDimensions", times, top.timeDimensions(), TimeDimension::name);
        record(fromAuthored, fromDerived, "metrics", metrics, top.metrics(), Metric::name);
        record(fromAuthored, fromDerived, "segments", segments, top.segments(), Segment::name);

        String description = (top.description() != null) ? top.description() : base.description();
        SemanticModel model = new SemanticModel(database, description, entities, relationships, dimensions, times,
                metrics, segments, verified, instructions);
        return new Layered(model, fromAuthored, fromDerived);
    }

    private static SemanticModel empty(String database) {
        return new SemanticModel(database, null, null, null, null, null, null, null, null, null);
    }

    /** Authored entities replace derived ones of the same name or table, keeping the derived values they omit. */
    private static List<Entity> entities(List<Entity> derived, List<Entity> authored, Map<String, String> renamed,
            Set<String> claimed) {
        List<Entity> merged = new ArrayList<>();
        Set<Entity> replaced = new HashSet<>();
        for (Entity top : authored) {
            Entity base = derived.stream().filter((d) -> d.name().equalsIgnoreCase(top.name())).findFirst()
                    .or(() -> derived.stream().filter((d) -> d.table().equalsIgnoreCase(top.table())).findFirst())
                    .orElse(null);
            if (base == null) {
                merged.add(top);
                continue;
            }
            replaced.add(base);
            if (!base.name().equalsIgnoreCase(top.name())) {
                renamed.put(base.name().toLowerCase(Locale.ROOT), top.name());
            }
            merged.add(new Entity(top.name(), top.table(),
                    top.primaryKey().isEmpty() ? base.primaryKey() : top.primaryKey(),
                    (top.nameColumn() != null) ? top.nameColumn() : base.nameColumn(),
                    top.synonyms().isEmpty() ? base.synonyms() : top.synonyms(),
                    (top.description() != null) ? top.description() : base.description()));
        }
        for (Entity base : derived) {
            if (!replaced.contains(base)) {
                merged.add(new Entity(base.name(), base.table(), base.primaryKey(), base.nameColumn(),
                        unclaimed(base.synonyms(), claimed), base.description()));
            }
        }
        return merged;
    }

    /** Authored objects first, then the derived ones whose name (or second key) no authored object has. */
    private static <T> List<T> merge(List<T> derived, List<T> authored, Function<T, String> name,
            Function<T, String> secondKey) {
        Set<String> names = new HashSet<>();
        Set<String> seconds = new HashSet<>();
        for (T top : authored) {
            names.add(name.apply(top).toLowerCase(Locale.ROOT));
            if (secondKey != null) {
                seconds.add(secondKey.apply(top));
            }
        }
        List<T> merged = new ArrayList<>(authored);
        for (T base : derived) {
            boolean shadowed = names.contains(name.apply(base).toLowerCase(Locale.ROOT))
                    || (secondKey != null && seconds.contains(secondKey.apply(base)));
            if (!shadowed) {
                merged.add(base);
            }
        }
        return merged;
    }

    private static <T> List<T> distinct(List<T> first, List<T> then, Function<T, ?> key) {
        Map<Object, T> seen = new LinkedHashMap<>();
        first.forEach((item) -> seen.putIfAbsent(key.apply(item), item));
        then.forEach((item) -> seen.putIfAbsent(key.apply(item), item));
        return List.copyOf(seen.values());
    }

    private static Set<String> claimedWords(SemanticModel authored) {
        Set<String> words = new LinkedHashSet<>();
        authored.dimensions().forEach((it) -> it.synonyms().forEach(words::add));
        authored.timeDimensions().forEach((it) -> it.synonyms().forEach(words::add));
        authored.metrics().forEach((it) -> it.synonyms().forEach(words::add));
        authored.segments().forEach((it) -> it.synonyms().forEach(words::add));
        authored.entities().forEach((it) -> it.synonyms().forEach(words::add));
        Set<String> lower = new HashSet<>();
        words.forEach((word) -> lower.add(word.toLowerCase(Locale.ROOT)));
        return lower;
    }

    private static List<String> unclaimed(List<String> synonyms, Set<String> claimed) {
        return synonyms.stream().filter((word) -> !claimed.contains(word.toLowerCase(Locale.ROOT))).toList();
    }

    private static <T> void record(Map<String, List<String>> authored, Map<String, List<String>> derived, String kind,
            List<T> merged, List<T> top, Function<T, String> name) {
        Set<String> topNames = new HashSet<>();
        top.forEach((item) -> topNames.add(name.apply(item).toLowerCase(Locale.ROOT)));
        List<String> a = new ArrayList<>();
        List<String> d = new ArrayList<>();
        for (T item : merged) {
            (topNames.contains(name.apply(item).toLowerCase(Locale.ROOT)) ? a : d).add(name.apply(item));
        }
        authored.put(kind, List.copyOf(a));
        derived.put(kind, List.copyOf(d));
    }
}
