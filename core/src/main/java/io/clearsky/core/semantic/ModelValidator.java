package io.clearsky.core.semantic;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.Suggestions;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.config.ConfigProblem;
import io.clearsky.core.semantic.SemanticModel.Cardinality;
import io.clearsky.core.semantic.SemanticModel.ColumnPair;
import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.MetricType;
import io.clearsky.core.semantic.SemanticModel.Relationship;
import io.clearsky.core.semantic.SemanticModel.Segment;
import io.clearsky.core.semantic.SemanticModel.TimeDimension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Checks an authored model against the catalog: tables and columns exist (SQL expressions are parsed to
 * find the columns they read), joins name known entities and existing columns of comparable types, ratio
 * metrics name known metrics without a cycle, and no word names two objects. Entities, metrics and time
 * dimensions may be the derived model's: an authored metric may count a derived entity's rows.
 */
public final class ModelValidator {

    private final String source;

    private final SemanticModel authored;

    private final SemanticModel context;

    private final Map<String, TableInfo> tables = new HashMap<>();

    private final List<ConfigProblem> problems = new ArrayList<>();

    private ModelValidator(String source, SemanticModel authored, SemanticModel derived, List<TableInfo> tables) {
        this.source = source;
        this.authored = authored;
        this.context = ModelOverlay.overlay(derived, authored).model();
        tables.forEach((table) -> this.tables.put(table.name().toLowerCase(Locale.ROOT), table));
    }

    /**
     * Every problem of the authored model, each naming its JSON path and the object.
     *
     * @param source where the model was read from
     * @param authored the model as its file writes it
     * @param derived the model derived from the catalog, whose objects the authored one may refer to
     * @param tables the database's tables
     */
    public static List<ConfigProblem> validate(String source, SemanticModel authored, SemanticModel derived,
            List<TableInfo> tables) {
        ModelValidator validator = new ModelValidator(source, authored, derived, tables);
        validator.check();
        return List.copyOf(validator.problems);
    }

    private void check() {
        uniqueNames();
        entities();
        relationships();
        for (int i = 0; i < this.authored.dimensions().size(); i++) {
            Dimension dimension = this.authored.dimensions().get(i);
            String at = "dimensions[" + i + "]";
            expression(at, "dimension '" + dimension.name() + "'", dimension.entity(), dimension.expression(),
                    "expression");
        }
        for (int i = 0; i < this.authored.timeDimensions().size(); i++) {
            TimeDimension time = this.authored.timeDimensions().get(i);
            String at = "timeDimensions[" + i + "]";
            expression(at, "time dimension '" + time.name() + "'", time.entity(), time.expression(), "expression");
            if (!time.grains().contains(time.defaultGrain())) {
                problem(at + ".defaultGrain", "is " + time.defaultGrain() + ", not one of the grains " + time.grains()
                        + " of time dimension '" + time.name() + "'");
            }
        }
        for (int i = 0; i < this.authored.segments().size(); i++) {
            Segment segment = this.authored.segments().get(i);
            expression("segments[" + i + "]", "segment '" + segment.name() + "'", segment.entity(), segment.filter(),
                    "filter");
        }
        metrics();
        cycles();
        synonyms();
    }

    private void uniqueNames() {
        unique("entities", this.authored.entities().stream().map(Entity::name).toList(), "entity");
        unique("relationships", this.authored.relationships().stream().map(Relationship::name).toList(), "relationship");
        unique("dimensions", this.authored.dimensions().stream().map(Dimension::name).toList(), "dimension");
        unique("timeDimensions", this.authored.timeDimensions().stream().map(TimeDimension::name).toList(),
                "time dimension");
        unique("metrics", this.authored.metrics().stream().map(Metric::name).toList(), "metric");
        unique("segments", this.authored.segments().stream().map(Segment::name).toList(), "segment");
    }

    private void unique(String kind, List<String> names, String noun) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer first = seen.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
            if (first != null) {
                problem(kind + "[" + i + "].name", "repeats the name of " + kind + "[" + first + "]: two " + noun
                        + "s named '" + names.get(i) + "'");
            }
        }
    }

    private void entities() {
        for (int i = 0; i < this.authored.entities().size(); i++) {
            Entity entity = this.authored.entities().get(i);
            String at = "entities[" + i + "]";
            String what = "entity '" + entity.name() + "'";
            TableInfo table = this.tables.get(entity.table().toLowerCase(Locale.ROOT));
            if (table == null) {
                problem(at + ".table", "names unknown table '" + entity.table() + "' (" + what + ")"
                        + suggestion(this.tables.keySet(), entity.table()));
                continue;
            }
            for (int k = 0; k < entity.primaryKey().size(); k++) {
                column(at + ".primaryKey[" + k + "]", what, table, entity.primaryKey().get(k));
            }
            if (entity.nameColumn() != null) {
                column(at + ".nameColumn", what, table, entity.nameColumn());
            }
        }
    }

    private void relationships() {
        for (int i = 0; i < this.authored.relationships().size(); i++) {
            Relationship relationship = this.authored.relationships().get(i);
            String at = "relationships[" + i + "]";
            String what = "relationship '" + relationship.name() + "'";
            Optional<TableInfo> from = entityTable(at + ".from", what, relationship.from());
            Optional<TableInfo> to = entityTable(at + ".to", what, relationship.to());
            if (from.isEmpty() || to.isEmpty()) {
                continue;
            }
            for (int k = 0; k < relationship.columns().size(); k++) {
                ColumnPair pair = relationship.columns().get(k);
                Optional<ColumnInfo> left = column(at + ".columns[" + k + "].from", what, from.get(), pair.from());
                Optional<ColumnInfo> right = column(at + ".columns[" + k + "].to", what, to.get(), pair.to());
                if (left.isPresent() && right.isPresent()
                        && !typeFamily(left.get().type()).equals(typeFamily(right.get().type()))) {
                    problem(at + ".columns[" + k + "]", "joins " + from.get().name() + "." + left.get().name() + " ("
                            + left.get().type() + ") to " + to.get().name() + "." + right.get().name() + " ("
                            + right.get().type() + "): the types do not match (" + what + ")");
                }
            }
        }
    }

    private void metrics() {
        for (int i = 0; i < this.authored.metrics().size(); i++) {
            Metric metric = this.authored.metrics().get(i);
            String at = "metrics[" + i + "]";
            String what = "metric '" + metric.name() + "'";
            if (metric.type() == MetricType.RATIO) {
                metricReference(at + ".numerator", what, metric.numerator());
                metricReference(at + ".denominator", what, metric.denominator());
                entityTable(at + ".entity", what, metric.entity());
            }
            else {
                if (metric.aggregation() == null) {
                    problem(at + ".aggregation", "is required for a simple metric (" + what + ")");
                }
                if (metric.expression() == null && metric.aggregation() != SemanticModel.Aggregation.COUNT) {
                    problem(at + ".expression", "is required unless the metric counts rows (" + what + ")");
                }
                if (metric.expression() != null) {
                    expression(at, what, metric.entity(), metric.expression(), "expression");
                }
                else {
                    entityTable(at + ".entity", what, metric.entity());
                }
            }
            if (metric.filter() != null) {
                expression(at, what, metric.entity(), metric.filter(), "filter");
            }
            if (metric.timeDimension() != null && this.context.timeDimensions().stream()
                    .noneMatch((time) -> time.name().equalsIgnoreCase(metric.timeDimension()))) {
                problem(at + ".timeDimension", "names unknown time dimension '" + metric.timeDimension() + "' ("
                        + what + ")");
            }
        }
    }

    private void metricReference(String at, String what, String name) {
        if (name == null) {
            problem(at, "is required for a ratio metric (" + what + ")");
        }
        else if (this.context.metric(name).isEmpty()) {
            problem(at, "names unknown metric '" + name + "' (" + what + ")");
        }
    }

    /** Ratio metrics that, through their numerators and denominators, divide themselves. */
    private void cycles() {
        for (int i = 0; i < this.authored.metrics().size(); i++) {
            Metric metric = this.authored.metrics().get(i);
            if (metric.type() != MetricType.RATIO) {
                continue;
            }
            List<String> path = new ArrayList<>();
            if (reaches(metric, metric.name(), path, new TreeSet<>(String.CASE_INSENSITIVE_ORDER))) {
                problem("metrics[" + i + "]", "refers to itself through " + metric.name() + " -> "
                        + String.join(" -> ", path) + " (metric '" + metric.name() + "')");
            }
        }
    }

    private boolean reaches(Metric from, String target, List<String> path, Set<String> visited) {
        if (from.type() != MetricType.RATIO || !visited.add(from.name())) {
            return false;
        }
        for (String next : new String[] { from.numerator(), from.denominator() }) {
            if (next == null) {
                continue;
            }
            path.add(next);
            if (next.equalsIgnoreCase(target)) {
                return true;
            }
            Optional<Metric> metric = this.context.metric(next);
            if (metric.isPresent() && reaches(metric.get(), target, path, visited)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }

    /**
     * A word (name or synonym) may name one thing only; a synonym naming a second thing is an error. An entity,
     * a dimension holding its name column ("customer" for the customer's name on an order) and an unfiltered
     * count of it ("orders") are one thing under several objects, so they may share words.
     */
    private void synonyms() {
        Map<String, Named> owners = new LinkedHashMap<>();
        List<Named> objects = named();
        for (Named object : objects) {
            owners.putIfAbsent(word(object.name()), object);
        }
        for (Named object : objects) {
            for (int k = 0; k < object.synonyms().size(); k++) {
                String word = word(object.synonyms().get(k));
                Named owner = owners.putIfAbsent(word, object);
                if (owner != null && !owner.thing().equals(object.thing())) {
                    problem(object.at() + ".synonyms[" + k + "]", "'" + object.synonyms().get(k) + "' of "
                            + object.noun() + " also names " + owner.noun());
                }
            }
        }
    }

    /**
     * @param thing what the object denotes: its noun, or {@code entity:<name>} for an entity and the objects
     * that stand for it
     */
    private record Named(String at, String noun, String name, List<String> synonyms, String thing) {
    }

    private List<Named> named() {
        List<Named> named = new ArrayList<>();
        SemanticModel model = this.authored;
        for (int i = 0; i < model.entities().size(); i++) {
            Entity it = model.entities().get(i);
            named.add(new Named("entities[" + i + "]", "entity '" + it.name() + "'", it.name(), it.synonyms(),
                    entityThing(it.name())));
        }
        for (int i = 0; i < model.dimensions().size(); i++) {
            Dimension it = model.dimensions().get(i);
            String noun = "dimension '" + it.name() + "'";
            named.add(new Named("dimensions[" + i + "]", noun, it.name(), it.synonyms(),
                    namedEntity(it).map(ModelValidator::entityThing).orElse(noun)));
        }
        for (int i = 0; i < model.timeDimensions().size(); i++) {
            TimeDimension it = model.timeDimensions().get(i);
            String noun = "time dimension '" + it.name() + "'";
            named.add(new Named("timeDimensions[" + i + "]", noun, it.name(), it.synonyms(), noun));
        }
        for (int i = 0; i < model.metrics().size(); i++) {
            Metric it = model.metrics().get(i);
            String noun = "metric '" + it.name() + "'";
            boolean countsEntity = it.aggregation() == SemanticModel.Aggregation.COUNT && it.expression() == null
                    && it.filter() == null && it.entity() != null;
            named.add(new Named("metrics[" + i + "]", noun, it.name(), it.synonyms(),
                    countsEntity ? entityThing(it.entity()) : noun));
        }
        for (int i = 0; i < model.segments().size(); i++) {
            Segment it = model.segments().get(i);
            String noun = "segment '" + it.name() + "'";
            named.add(new Named("segments[" + i + "]", noun, it.name(), it.synonyms(), noun));
        }
        return named;
    }

    private static String entityThing(String entity) {
        return "entity:" + entity.toLowerCase(Locale.ROOT);
    }

    /** The entity whose name column a dimension is ({@code regions.name}, or {@code name} on the entity itself). */
    private Optional<String> namedEntity(Dimension dimension) {
        Expression parsed;
        try {
            parsed = CCJSqlParserUtil.parseExpression(dimension.expression(), false);
        }
        catch (JSQLParserException ex) {
            return Optional.empty(); // reported by the expression check
        }
        if (!(parsed instanceof Column column) || dimension.entity() == null) {
            return Optional.empty();
        }
        String name = unquote(column.getColumnName());
        String qualifier = (column.getTable() != null && column.getTable().getName() != null)
                ? unquote(column.getTable().getName()) : null;
        return this.context.entities().stream()
                .filter((entity) -> (qualifier == null) ? entity.name().equalsIgnoreCase(dimension.entity())
                        : entity.table().equalsIgnoreCase(qualifier) || entity.name().equalsIgnoreCase(qualifier))
                .filter((entity) -> name.equalsIgnoreCase(entity.nameColumn()))
                .map(Entity::name).findFirst();
    }

    private static String word(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }

    /**
     * Checks that an expression parses and that every column it reads belongs to the entity's table or to a
     * table the entity reaches through many-to-one joins (an order's region is its customer's), the only
     * joins that cannot multiply its rows.
     */
    private void expression(String at, String what, String entityName, String sql, String field) {
        Optional<TableInfo> table = entityTable(at + ".entity", what, entityName);
        Expression parsed;
        try {
            parsed = CCJSqlParserUtil.parseExpression(sql, false);
        }
        catch (JSQLParserException ex) {
            problem(at + "." + field, "is not a SQL expression: '" + sql + "' (" + what + ")");
            return;
        }
        if (table.isEmpty()) {
            return;
        }
        Map<String, TableInfo> reachable = new LinkedHashMap<>();
        reachable.put(entityName.toLowerCase(Locale.ROOT), table.get());
        reachable.put(table.get().name().toLowerCase(Locale.ROOT), table.get());
        manyToOnePartners(entityName, reachable);
        for (Column column : columns(parsed)) {
            resolve(at + "." + field, what, column, table.get(), reachable);
        }
    }

    private void resolve(String at, String what, Column column, TableInfo home, Map<String, TableInfo> reachable) {
        String name = unquote(column.getColumnName());
        if (column.getTable() != null && column.getTable().getName() != null) {
            String qualifier = unquote(column.getTable().getName()).toLowerCase(Locale.ROOT);
            TableInfo table = reachable.get(qualifier);
            if (table == null) {
                problem(at, "reads " + column + " but '" + qualifier + "' is neither the entity nor an entity it "
                        + "joins many-to-one (" + what + ")");
            }
            else if (find(table, name).isEmpty()) {
                problem(at, "reads unknown column '" + name + "' of table " + table.name() + " (" + what + ")"
                        + suggestion(columnNames(table), name));
            }
            return;
        }
        if (isLiteralWord(name)) {
            return;
        }
        boolean found = reachable.values().stream().anyMatch((table) -> find(table, name).isPresent());
        if (!found) {
            problem(at, "reads unknown column '" + name + "' of table " + home.name() + " (" + what + ")"
                    + suggestion(columnNames(home), name));
        }
    }

    private void manyToOnePartners(String entityName, Map<String, TableInfo> reachable) {
        for (Relationship relationship : this.context.relationships()) {
            String partner = null;
            if (relationship.from().equalsIgnoreCase(entityName)
                    && (relationship.cardinality() == Cardinality.MANY_TO_ONE
                            || relationship.cardinality() == Cardinality.ONE_TO_ONE)) {
                partner = relationship.to();
            }
            else if (relationship.to().equalsIgnoreCase(entityName)
                    && (relationship.cardinality() == Cardinality.ONE_TO_MANY
                            || relationship.cardinality() == Cardinality.ONE_TO_ONE)) {
                partner = relationship.from();
            }
            if (partner != null) {
                String partnerName = partner;
                this.context.entity(partnerName).map(Entity::table)
                        .map((table) -> this.tables.get(table.toLowerCase(Locale.ROOT)))
                        .ifPresent((table) -> {
                            reachable.putIfAbsent(partnerName.toLowerCase(Locale.ROOT), table);
                            reachable.putIfAbsent(table.name().toLowerCase(Locale.ROOT), table);
                        });
            }
        }
    }

    private Optional<TableInfo> entityTable(String at, String what, String entityName) {
        if (entityName == null) {
            problem(at, "is required (" + what + ")");
            return Optional.empty();
        }
        Optional<Entity> entity = this.context.entity(entityName);
        if (entity.isEmpty()) {
            problem(at, "names unknown entity '" + entityName + "' (" + what + ")"
                    + suggestion(this.context.entities().stream().map(Entity::name).toList(), entityName));
            return Optional.empty();
        }
        // An unknown table is reported once, at the entity.
        return Optional.ofNullable(this.tables.get(entity.get().table().toLowerCase(Locale.ROOT)));
    }

    private Optional<ColumnInfo> column(String at, String what, TableInfo table, String name) {
        Optional<ColumnInfo> column = find(table, name);
        if (column.isEmpty()) {
            problem(at, "names unknown column '" + name + "' of table " + table.name() + " (" + what + ")"
                    + suggestion(columnNames(table), name));
        }
        return column;
    }

    private static Optional<ColumnInfo> find(TableInfo table, String name) {
        return table.columns().stream().filter((column) -> column.name().equalsIgnoreCase(name)).findFirst();
    }

    private static List<String> columnNames(TableInfo table) {
        return table.columns().stream().map(ColumnInfo::name).toList();
    }

    /** The columns an expression reads; names inside subqueries count too. */
    private static List<Column> columns(Expression expression) {
        List<Column> columns = new ArrayList<>();
        expression.accept(new TablesNamesFinder<Void>() {

            @Override
            public <S> Void visit(Column column, S context) {
                columns.add(column);
                return null;
            }
        }, null);
        return columns;
    }

    /** Words JSqlParser reads as columns that are SQL keywords or literals here. */
    private static boolean isLiteralWord(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "true", "false", "null", "current_date", "current_timestamp", "current_time", "localtimestamp" -> true;
            default -> false;
        };
    }

    private static String unquote(String name) {
        return (name.length() > 1 && (name.startsWith("\"") || name.startsWith("`")))
                ? name.substring(1, name.length() - 1) : name;
    }

    /** Families of engine types that compare equal in a join: numbers with numbers, text with text. */
    static String typeFamily(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.matches("(tiny|small|big|huge|u)?int(eger)?\\d*.*|long|short|byte|(u)?(tiny|small|big)int.*|decimal.*"
                + "|numeric.*|double.*|float.*|real|number.*")) {
            return "number";
        }
        if (t.startsWith("varchar") || t.startsWith("char") || t.equals("string") || t.equals("text")
                || t.startsWith("character") || t.equals("uuid")) {
            return "text";
        }
        if (t.startsWith("timestamp") || t.equals("date") || t.equals("datetime")) {
            return "time";
        }
        if (t.startsWith("bool")) {
            return "boolean";
        }
        return t;
    }

    private static String suggestion(java.util.Collection<String> names, String wanted) {
        return Suggestions.closest(wanted, names).stream().findFirst().map((name) -> "; did you mean '" + name + "'?")
                .orElse("");
    }

    private void problem(String path, String message) {
        this.problems.add(new ConfigProblem(this.source, path, message));
    }
}
