package io.clearsky.worker.generation.offline;

import static io.clearsky.core.catalog.Identifiers.quote;

import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModel.Cardinality;
import io.clearsky.core.semantic.SemanticModel.ColumnPair;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.MetricType;
import io.clearsky.core.semantic.SemanticModel.Relationship;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compiles a {@link Query} to SQL that DuckDB and Athena (Trino) both run. A metric's rows are joined only
 * along many-to-one relationships from its entity, so no join multiplies them; a ratio divides two
 * aggregates computed apart ({@code CAST(.. AS DOUBLE) / NULLIF(.., 0)}); periods are half-open date
 * ranges; series bucket with {@code date_trunc}. A join that could go two ways is reported, not chosen.
 */
final class SqlCompiler {

    private static final Pattern QUALIFIED = Pattern.compile("\"?([A-Za-z_][\\w]*)\"?\\s*\\.\\s*\"?[A-Za-z_]");

    /** Why a query cannot be compiled: a join that could go several ways, or a shape not supported. */
    static final class CompileException extends Exception {

        private final List<String> choices;

        CompileException(String message, List<String> choices) {
            super(message);
            this.choices = List.copyOf(choices);
        }

        List<String> choices() {
            return this.choices;
        }
    }

    private final SemanticModel model;

    SqlCompiler(SemanticModel model) {
        this.model = model;
    }

    String compile(Query query, int maxRows) throws CompileException {
        if (query.rankBy() != null) {
            return ranking(query, maxRows);
        }
        if (!query.columns().isEmpty()) {
            return listing(query);
        }
        List<Metric> parts = new ArrayList<>();
        boolean ratio = false;
        for (Metric metric : query.metrics()) {
            if (metric.type() == MetricType.RATIO) {
                ratio = true;
                parts.add(simple(metric.numerator()));
                parts.add(simple(metric.denominator()));
            }
            else {
                parts.add(metric);
            }
        }
        Set<String> entities = parts.stream().map(Metric::entity).collect(Collectors.toCollection(LinkedHashSet::new));
        String body;
        if (!ratio && entities.size() == 1) {
            body = aggregate(entity(parts.get(0).entity()), parts, query, true);
        }
        else {
            body = combined(query, parts);
        }
        return body + orderAndLimit(query, maxRows);
    }

    /** Metrics of several entities, or ratios: each part aggregated apart, then joined on the groups. */
    private String combined(Query query, List<Metric> parts) throws CompileException {
        Map<Metric, String> names = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("WITH ");
        int index = 0;
        for (Metric part : parts) {
            if (names.containsKey(part)) {
                continue;
            }
            String name = "p" + (++index);
            names.put(part, name);
            sql.append((index > 1) ? ", " : "").append(name).append(" AS (")
                    .append(aggregate(entity(part.entity()), List.of(part), query, false)).append(")");
        }
        List<String> select = new ArrayList<>();
        int groups = query.groupBy().size() + ((query.timeGrain() != null) ? 1 : 0);
        List<String> labels = groupLabels(query);
        for (int i = 0; i < groups; i++) {
            select.add("p1.g" + (i + 1) + " AS " + quote(labels.get(i)));
        }
        for (Metric metric : query.metrics()) {
            if (metric.type() == MetricType.RATIO) {
                select.add("CAST(" + names.get(simple(metric.numerator())) + ".m1 AS DOUBLE) / NULLIF("
                        + names.get(simple(metric.denominator())) + ".m1, 0) AS " + quote(alias(metric.name())));
            }
            else {
                select.add(names.get(metric) + ".m1 AS " + quote(alias(metric.name())));
            }
        }
        sql.append(" SELECT ").append(String.join(", ", select)).append(" FROM p1");
        for (int i = 2; i <= index; i++) {
            if (groups == 0) {
                sql.append(" CROSS JOIN p").append(i);
            }
            else {
                List<String> on = new ArrayList<>();
                for (int g = 1; g <= groups; g++) {
                    on.add("p1.g" + g + " = p" + i + ".g" + g);
                }
                sql.append(" LEFT JOIN p").append(i).append(" ON ").append(String.join(" AND ", on));
            }
        }
        return sql.toString();
    }

    /**
     * One SELECT over {@code base}'s rows and its many-to-one partners: the groups, then the metrics, with the
     * query's filters. With {@code named}, columns carry readable names; otherwise {@code g1..}, {@code m1..}.
     */
    private String aggregate(Entity base, List<Metric> metrics, Query query, boolean named) throws CompileException {
        Joins joins = new Joins(base);
        List<String> select = new ArrayList<>();
        List<String> labels = groupLabels(query);
        int g = 0;
        if (query.timeGrain() != null) {
            joins.reach(entity(query.time().entity()), query.time().expression());
            select.add("date_trunc('" + query.timeGrain().name().toLowerCase(Locale.ROOT) + "', " + query.time().expression()
                    + ") AS " + (named ? quote(labels.get(g)) : "g" + (g + 1)));
            g++;
        }
        for (Query.Group group : query.groupBy()) {
            joins.reach(group.entity(), group.expression());
            select.add(group.expression() + " AS " + (named ? quote(labels.get(g)) : "g" + (g + 1)));
            g++;
        }
        List<String> where = new ArrayList<>();
        for (Query.Filter filter : query.filters()) {
            where.add(condition(filter, joins, base, query));
        }
        int m = 0;
        for (Metric metric : metrics) {
            joins.reachAll(metric.expression());
            if (metric.filter() != null) {
                joins.reachAll(metric.filter());
            }
            m++;
            select.add(aggregation(metric, metrics.size() == 1 ? null : metric.filter()) + " AS "
                    + (named ? quote(alias(metric.name())) : "m" + m));
            if (metrics.size() == 1 && metric.filter() != null) {
                where.add("(" + metric.filter() + ")");
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ")
                .append(joins.sql());
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (g > 0) {
            sql.append(" GROUP BY ").append(ordinals(1, g));
        }
        return sql.toString();
    }

    /** The rows of an entity ranked by one of its numeric attributes. */
    private String ranking(Query query, int maxRows) throws CompileException {
        Query.Group group = query.groupBy().get(0);
        Entity base = group.entity();
        Joins joins = new Joins(base);
        List<String> where = new ArrayList<>();
        for (Query.Filter filter : query.filters()) {
            where.add(condition(filter, joins, base, query));
        }
        joins.reachAll(query.rankBy().expression());
        StringBuilder sql = new StringBuilder("SELECT ").append(group.expression()).append(" AS ").append(quote(alias(group.label())))
                .append(", ").append(query.rankBy().expression()).append(" AS ").append(quote(alias(query.rankBy().name())))
                .append(" FROM ").append(joins.sql());
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY 2 ").append(query.order().descending() ? "DESC" : "ASC").append(", 1");
        sql.append(" LIMIT ").append(Math.min(query.limit(), maxRows));
        return sql.toString();
    }

    /** Attributes of each row of an entity (and of its many-to-one partners) that passes the filters. */
    private String listing(Query query) throws CompileException {
        Entity base = query.columns().get(0).entity();
        Joins joins = new Joins(base);
        List<String> where = new ArrayList<>();
        for (Query.Filter filter : query.filters()) {
            where.add(condition(filter, joins, base, query));
        }
        List<String> select = new ArrayList<>();
        Set<String> aliases = new LinkedHashSet<>();
        for (Query.Group column : query.columns()) {
            joins.reach(base, column.expression());
            String alias = alias(column.label());
            // Two entities' names in one row: the second is told apart by its position.
            alias = aliases.add(alias) ? alias : alias + "_" + (aliases.size() + 1);
            aliases.add(alias);
            select.add(column.expression() + " AS " + quote(alias));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(joins.sql());
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        return sql.toString();
    }

    private String condition(Query.Filter filter, Joins joins, Entity base, Query query) throws CompileException {
        return switch (filter) {
            case Query.ValueFilter value -> {
                joins.reach(value.entity(), value.dimension().expression());
                String list = value.values().stream().map(SqlCompiler::literal).collect(Collectors.joining(", "));
                yield value.dimension().expression() + (value.values().size() == 1
                        ? (value.negated() ? " <> " : " = ") + list
                        : (value.negated() ? " NOT IN (" : " IN (") + list + ")");
            }
            case Query.SegmentFilter segment -> {
                joins.reach(segment.entity(), segment.segment().filter());
                yield "(" + segment.segment().filter() + ")";
            }
            case Query.Comparison comparison -> {
                joins.reach(comparison.entity(), comparison.dimension().expression());
                yield comparison.dimension().expression() + " " + comparison.operator() + " " + comparison.number();
            }
            case Query.Period period -> {
                Entity owner = entity(query.time().entity());
                String expression = query.time().expression();
                joins.reach(owner, expression);
                String range = expression + " >= DATE '" + period.range().from() + "'";
                yield (period.range().to() != null) ? range + " AND " + expression + " < DATE '" + period.range().to() + "'"
                        : range;
            }
            case Query.NothingPointing nothing -> {
                if (!nothing.entity().equals(base) || nothing.relationship().columns().size() != 1) {
                    throw new CompileException("rows without " + nothing.other().name() + " of another entity", List.of());
                }
                ColumnPair pair = nothing.relationship().columns().get(0);
                String other = quote(nothing.other().table());
                yield quote(base.table()) + "." + quote(pair.to()) + " NOT IN (SELECT " + other + "." + quote(pair.from())
                        + " FROM " + other + " WHERE " + other + "." + quote(pair.from()) + " IS NOT NULL)";
            }
        };
    }

    private static String aggregation(Metric metric, String caseFilter) {
        String expression = (metric.expression() != null) ? metric.expression() : null;
        String value = (caseFilter != null) ? "CASE WHEN " + caseFilter + " THEN " + ((expression != null) ? expression : "1") + " END"
                : expression;
        return switch (metric.aggregation()) {
            case COUNT -> (value == null) ? "count(*)" : "count(" + value + ")";
            case COUNT_DISTINCT -> "count(DISTINCT " + value + ")";
            case SUM -> "sum(" + value + ")";
            case AVG -> "avg(" + value + ")";
            case MIN -> "min(" + value + ")";
            case MAX -> "max(" + value + ")";
        };
    }

    private String orderAndLimit(Query query, int maxRows) {
        int groups = query.groupBy().size() + ((query.timeGrain() != null) ? 1 : 0);
        StringBuilder sql = new StringBuilder();
        if (query.order() != null) {
            sql.append(" ORDER BY ").append(groups + query.order().metric() + 1).append(query.order().descending() ? " DESC" : " ASC");
            if (groups > 0) {
                sql.append(", ").append(ordinals(1, groups));
            }
        }
        else if (groups > 0) {
            sql.append(" ORDER BY ").append(ordinals(1, groups));
        }
        if (query.limit() != null) {
            sql.append(" LIMIT ").append(Math.min(query.limit(), maxRows));
        }
        return sql.toString();
    }

    private List<String> groupLabels(Query query) {
        List<String> labels = new ArrayList<>();
        if (query.timeGrain() != null) {
            labels.add(query.timeGrain().name().toLowerCase(Locale.ROOT));
        }
        query.groupBy().forEach((group) -> labels.add(alias(group.label())));
        return labels;
    }

    private Metric simple(String name) throws CompileException {
        Metric metric = this.model.metric(name).orElseThrow(() -> new CompileException("the metric " + name, List.of()));
        if (metric.type() != MetricType.SIMPLE) {
            throw new CompileException("a ratio of ratios (" + name + ")", List.of());
        }
        return metric;
    }

    private Entity entity(String name) throws CompileException {
        return this.model.entity(name).orElseThrow(() -> new CompileException("the entity " + name, List.of()));
    }

    /** The tables an expression's qualified columns name, lower-cased. */
    static Set<String> tablesIn(String expression) {
        Set<String> tables = new LinkedHashSet<>();
        if (expression == null) {
            return tables;
        }
        Matcher matcher = QUALIFIED.matcher(expression.replaceAll("'[^']*'", "''"));
        while (matcher.find()) {
            tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String alias(String label) {
        String alias = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return alias.isEmpty() ? "value" : alias;
    }

    private static String ordinals(int from, int to) {
        List<String> ordinals = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ordinals.add(Integer.toString(i));
        }
        return String.join(", ", ordinals);
    }

    /** The joins of one SELECT: a tree of many-to-one steps from the base entity. */
    private final class Joins {

        private final Entity base;

        /** Joined entity name → the step that joined it (null for the base). */
        private final Map<String, Step> joined = new LinkedHashMap<>();

        Joins(Entity base) {
            this.base = base;
            this.joined.put(base.name(), null);
        }

        /** Joins what an expression of {@code owner} needs: the owner, then the tables its columns name. */
        void reach(Entity owner, String expression) throws CompileException {
            List<Step> toOwner = path(this.base, owner);
            if (toOwner != null) {
                add(toOwner);
                for (String table : tablesIn(expression)) {
                    Entity target = byTable(table);
                    if (target != null) {
                        List<Step> further = path(owner, target);
                        if (further == null) {
                            further = path(this.base, target);
                        }
                        if (further == null) {
                            throw new CompileException("no many-to-one path from " + this.base.name() + " to " + target.name(),
                                    List.of());
                        }
                        add(further);
                    }
                }
                return;
            }
            reachAll(expression);
            if (tablesIn(expression).isEmpty()) {
                throw new CompileException("no many-to-one path from " + this.base.name() + " to " + owner.name(), List.of());
            }
        }

        /** Joins every table an expression's columns name. */
        void reachAll(String expression) throws CompileException {
            for (String table : tablesIn(expression)) {
                Entity target = byTable(table);
                if (target == null) {
                    continue;
                }
                List<Step> steps = path(this.base, target);
                if (steps == null) {
                    throw new CompileException("no many-to-one path from " + this.base.name() + " to " + target.name(), List.of());
                }
                add(steps);
            }
        }

        private void add(List<Step> steps) throws CompileException {
            for (Step step : steps) {
                Step before = this.joined.get(step.to().name());
                if (this.joined.containsKey(step.to().name()) && (before == null || !before.equals(step))) {
                    if (before == null && step.to().equals(this.base)) {
                        continue;
                    }
                    throw new CompileException("joining " + step.to().name() + " along two paths", List.of());
                }
                this.joined.put(step.to().name(), step);
            }
        }

        String sql() {
            StringBuilder sql = new StringBuilder(quote(this.base.table()));
            for (Step step : this.joined.values()) {
                if (step == null) {
                    continue;
                }
                List<String> on = new ArrayList<>();
                for (ColumnPair pair : step.pairs()) {
                    on.add(quote(step.from().table()) + "." + quote(pair.from()) + " = " + quote(step.to().table()) + "."
                            + quote(pair.to()));
                }
                sql.append(" JOIN ").append(quote(step.to().table())).append(" ON ").append(String.join(" AND ", on));
            }
            return sql.toString();
        }
    }

    /** One many-to-one step: {@code from}'s columns equal {@code to}'s, pairs oriented from → to. */
    private record Step(Entity from, Entity to, List<ColumnPair> pairs, String relationship) {
    }

    private Entity byTable(String table) {
        return this.model.entities().stream().filter((entity) -> entity.table().equalsIgnoreCase(table)).findFirst().orElse(null);
    }

    /**
     * The shortest many-to-one path from {@code from} to {@code to}; null when there is none.
     *
     * @throws CompileException when two shortest paths differ (the model must say which is meant)
     */
    private List<Step> path(Entity from, Entity to) throws CompileException {
        if (from.equals(to)) {
            return List.of();
        }
        Map<String, List<List<Step>>> paths = new LinkedHashMap<>();
        paths.put(from.name(), List.of(List.of()));
        Deque<String> frontier = new ArrayDeque<>(List.of(from.name()));
        while (!frontier.isEmpty() && !paths.containsKey(to.name())) {
            Deque<String> next = new ArrayDeque<>();
            Map<String, List<List<Step>>> found = new LinkedHashMap<>();
            for (String name : frontier) {
                for (Step step : steps(name)) {
                    if (paths.containsKey(step.to().name())) {
                        continue;
                    }
                    for (List<Step> path : paths.get(name)) {
                        List<Step> longer = new ArrayList<>(path);
                        longer.add(step);
                        found.computeIfAbsent(step.to().name(), (key) -> new ArrayList<>()).add(longer);
                    }
                }
            }
            for (Map.Entry<String, List<List<Step>>> entry : found.entrySet()) {
                paths.put(entry.getKey(), entry.getValue());
                next.add(entry.getKey());
            }
            frontier = next;
        }
        List<List<Step>> candidates = paths.get(to.name());
        if (candidates == null) {
            return null;
        }
        if (candidates.size() > 1) {
            List<String> choices = candidates.stream().map((path) -> to.name() + " of the " + path.get(path.size() - 1).from().name())
                    .distinct().toList();
            if (choices.size() == 1) {
                choices = candidates.stream().map((path) -> path.stream().map(Step::relationship).collect(Collectors.joining(" → ")))
                        .toList();
            }
            throw new CompileException(from.name() + " reaches " + to.name() + " in " + candidates.size() + " ways", choices);
        }
        return candidates.get(0);
    }

    /** The many-to-one steps out of an entity. */
    private List<Step> steps(String entityName) {
        List<Step> steps = new ArrayList<>();
        for (Relationship relationship : this.model.relationships()) {
            Cardinality cardinality = relationship.cardinality();
            boolean forward = cardinality == Cardinality.MANY_TO_ONE || cardinality == Cardinality.ONE_TO_ONE;
            boolean backward = cardinality == Cardinality.ONE_TO_MANY || cardinality == Cardinality.ONE_TO_ONE;
            if (forward && relationship.from().equals(entityName)) {
                this.model.entity(relationship.from()).ifPresent((from) -> this.model.entity(relationship.to())
                        .ifPresent((to) -> steps.add(new Step(from, to, relationship.columns(), relationship.name()))));
            }
            if (backward && relationship.to().equals(entityName)) {
                List<ColumnPair> reversed = relationship.columns().stream().map((pair) -> new ColumnPair(pair.to(), pair.from()))
                        .toList();
                this.model.entity(relationship.to()).ifPresent((from) -> this.model.entity(relationship.from())
                        .ifPresent((to) -> steps.add(new Step(from, to, reversed, relationship.name()))));
            }
        }
        return steps;
    }
}
