package io.clearsky.core.semantic;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.config.ClearSkyConfig;
import io.clearsky.core.config.ConfigProblem;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.policy.DataAccess;
import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The semantic model in effect per database: the model derived from the catalog with the authored model of
 * the configuration revision in force laid over it ({@link ModelOverlay}), plus the verified queries promoted
 * from answers. It follows reloads by itself: the authored models are part of the configuration, so a reload
 * that installs a new revision installs its models, and one refused keeps the last good models. Safe for
 * concurrent readers; results are cached per revision and catalog content.
 */
public final class SemanticModels {

    private final Catalog catalog;

    private final LiveConfig live;

    private final ModelDeriver deriver;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private final Map<String, List<VerifiedQuery>> promoted = new ConcurrentHashMap<>();

    /**
     * @param catalog the lake's tables, which models are derived from and checked against
     * @param live the configuration in force, holding the authored models
     * @param deriver how a model is derived from a database's tables
     */
    public SemanticModels(Catalog catalog, LiveConfig live, ModelDeriver deriver) {
        this.catalog = catalog;
        this.live = live;
        this.deriver = deriver;
    }

    private record Cached(String fingerprint, List<TableInfo> tables, List<VerifiedQuery> promoted,
            ModelInEffect model) {
    }

    /** The model in effect for a database now; a database with neither tables nor a model gets an empty one. */
    public ModelInEffect inEffect(String database) {
        return inEffect(database, this.catalog.tables(database));
    }

    private ModelInEffect inEffect(String database, List<TableInfo> tables) {
        ClearSkyConfig config = this.live.get();
        String fingerprint = config.fingerprint();
        List<VerifiedQuery> added = List.copyOf(this.promoted.getOrDefault(key(database), List.of()));
        Cached cached = this.cache.get(key(database));
        if (cached != null && cached.fingerprint().equals(fingerprint) && cached.tables().equals(tables)
                && cached.promoted().equals(added)) {
            return cached.model();
        }
        SemanticModel derived = this.deriver.derive(database, tables);
        SemanticModel authored = config.semanticModels().of(database).orElse(null);
        ModelOverlay.Layered layered = ModelOverlay.overlay(derived, authored);
        SemanticModel model = layered.model();
        if (!added.isEmpty()) {
            List<VerifiedQuery> verified = new ArrayList<>(model.verifiedQueries());
            added.stream().filter((query) -> verified.stream()
                    .noneMatch((known) -> known.question().equalsIgnoreCase(query.question()))).forEach(verified::add);
            model = model.withVerifiedQueries(verified);
        }
        ModelInEffect result = new ModelInEffect(database, model, config.semanticModels().location(database),
                layered.authored(), layered.derived(), added);
        this.cache.put(key(database), new Cached(fingerprint, tables, added, result));
        return result;
    }

    /**
     * The model in effect for a database as a principal with this access may see it: without the parts
     * that name tables or columns it may not read.
     */
    public SemanticModel readableBy(String database, DataAccess access) {
        List<TableInfo> tables = this.catalog.tables(database);
        SemanticModel model = inEffect(database, tables).model();
        return access.isUnrestricted() ? model : ReadableModel.of(model, tables, access);
    }

    /** Every database of the catalog and every database with an authored model, sorted. */
    public List<String> databases() {
        TreeSet<String> databases = new TreeSet<>(this.catalog.databases());
        databases.addAll(this.live.get().semanticModels().databases());
        return List.copyOf(databases);
    }

    /** Whether the configuration in force has an authored model for the database. */
    public boolean hasAuthoredModel(String database) {
        return this.live.get().semanticModels().of(database).isPresent();
    }

    /**
     * Adds a verified query promoted from an answer to the database's model in effect. Promotions of the
     * same question replace each other.
     */
    public void promote(String database, VerifiedQuery query) {
        this.promoted.compute(key(database), (name, before) -> {
            List<VerifiedQuery> after = new ArrayList<>((before != null) ? before : List.of());
            after.removeIf((known) -> known.question().equalsIgnoreCase(query.question()));
            after.add(query);
            return new CopyOnWriteArrayList<>(after);
        });
        this.cache.remove(key(database));
    }

    /** Removes a promoted verified query again (a retired promotion). */
    public void retire(String database, String question) {
        this.promoted.computeIfPresent(key(database), (name, before) -> {
            List<VerifiedQuery> after = new ArrayList<>(before);
            after.removeIf((known) -> known.question().equalsIgnoreCase(question));
            return new CopyOnWriteArrayList<>(after);
        });
        this.cache.remove(key(database));
    }

    /**
     * Checks the authored models of a configuration against the catalog: the check a reload runs before
     * anything changes.
     *
     * @return every problem, each naming the file, the JSON path and the object
     */
    public List<ConfigProblem> check(ClearSkyConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        AuthoredModels models = config.semanticModels();
        for (String database : models.databases()) {
            String location = models.location(database);
            List<TableInfo> tables = this.catalog.tables(database);
            if (tables.isEmpty()) {
                problems.add(new ConfigProblem(location, "database", "names database '" + database
                        + "', which the catalog does not list (it has " + this.catalog.databases() + ")"));
                continue;
            }
            problems.addAll(ModelValidator.validate(location, models.models().get(database),
                    this.deriver.derive(database, tables), tables));
        }
        return problems;
    }

    private static String key(String database) {
        return database.toLowerCase(Locale.ROOT);
    }
}
