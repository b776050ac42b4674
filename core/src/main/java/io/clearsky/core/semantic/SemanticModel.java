package io.clearsky.core.semantic;

import java.util.List;
import java.util.Optional;

/**
 * What one database means in business terms. Field names follow WrenAI's MDL and the Open Semantic
 * Interchange where they overlap (entities are MDL's models), so models can be imported and exported.
 * Objects refer to each other by {@code name}; names are unique per kind within a model.
 *
 * @param database the database (schema) the model describes
 * @param description what the data source holds, for people and prompts
 * @param entities one per table worth asking about
 * @param relationships the joins between entities
 * @param dimensions attributes to group and filter by
 * @param timeDimensions dates and timestamps to bucket and filter by
 * @param metrics governed measures
 * @param segments named filters
 * @param verifiedQueries questions whose SQL someone checked
 * @param instructions business rules every answer must follow, in plain language
 */
public record SemanticModel(String database, String description, List<Entity> entities,
        List<Relationship> relationships, List<Dimension> dimensions, List<TimeDimension> timeDimensions,
        List<Metric> metrics, List<Segment> segments, List<VerifiedQuery> verifiedQueries,
        List<String> instructions) {

    public SemanticModel {
        entities = copy(entities);
        relationships = copy(relationships);
        dimensions = copy(dimensions);
        timeDimensions = copy(timeDimensions);
        metrics = copy(metrics);
        segments = copy(segments);
        verifiedQueries = copy(verifiedQueries);
        instructions = copy(instructions);
    }

    /** The entity of this name, ignoring case. */
    public Optional<Entity> entity(String name) {
        return this.entities.stream().filter((entity) -> entity.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The metric of this name, ignoring case. */
    public Optional<Metric> metric(String name) {
        return this.metrics.stream().filter((metric) -> metric.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The same model with other verified queries, e.g. after one was promoted from an answer. */
    public SemanticModel withVerifiedQueries(List<VerifiedQuery> queries) {
        return new SemanticModel(this.database, this.description, this.entities, this.relationships,
                this.dimensions, this.timeDimensions, this.metrics, this.segments, queries, this.instructions);
    }

    static <T> List<T> copy(List<T> list) {
        return (list != null) ? List.copyOf(list) : List.of();
    }

    /**
     * A table people ask about as a thing: customers, orders, products.
     *
     * @param name the entity's name, e.g. {@code customer}
     * @param table the table as the engine spells it
     * @param primaryKey the columns that identify a row
     * @param nameColumn the column that names a row to people ({@code customers.name}); null when none
     * @param synonyms other words for it ("client", "account")
     * @param description what a row is
     */
    public record Entity(String name, String table, List<String> primaryKey, String nameColumn, List<String> synonyms,
            String description) {

        public Entity {
            primaryKey = copy(primaryKey);
            synonyms = copy(synonyms);
        }
    }

    /**
     * A join between two entities along columns.
     *
     * @param name the relationship's name, e.g. {@code order_customer}
     * @param from the entity holding the referencing columns
     * @param to the entity referenced
     * @param columns pairs of a {@code from} column and the {@code to} column it equals
     * @param cardinality how many {@code to} rows one {@code from} row meets, and the reverse
     */
    public record Relationship(String name, String from, String to, List<ColumnPair> columns, Cardinality cardinality) {

        public Relationship {
            columns = copy(columns);
        }
    }

    /**
     * One equality of a join.
     *
     * @param from the column of the referencing entity
     * @param to the column of the referenced entity
     */
    public record ColumnPair(String from, String to) {
    }

    /** How rows of two related entities correspond. */
    public enum Cardinality {
        /** Many rows of {@code from} share one row of {@code to}: the join never multiplies {@code from}. */
        MANY_TO_ONE,
        /** One row of {@code from} meets many rows of {@code to}. */
        ONE_TO_MANY,
        /** One row each side. */
        ONE_TO_ONE,
        /** Many rows each side, usually through a linking table. */
        MANY_TO_MANY
    }

    /**
     * An attribute of an entity to group by and filter on.
     *
     * @param name the dimension's name, e.g. {@code region}
     * @param entity the entity it belongs to
     * @param expression SQL over the entity's columns, usually one column name
     * @param synonyms other words for it
     * @param description what it means
     * @param indexedValues whether its distinct values are indexed, so a question may name a value ("in DACH")
     */
    public record Dimension(String name, String entity, String expression, List<String> synonyms, String description,
            boolean indexedValues) {

        public Dimension {
            synonyms = copy(synonyms);
        }
    }

    /**
     * A date or timestamp of an entity.
     *
     * @param name the time dimension's name, e.g. {@code order_date}
     * @param entity the entity it belongs to
     * @param expression SQL over the entity's columns yielding a date or timestamp
     * @param grains the buckets it may be grouped by
     * @param defaultGrain the bucket used when a question asks for a series without naming one
     * @param synonyms other words for it
     * @param description what it means
     */
    public record TimeDimension(String name, String entity, String expression, List<Grain> grains, Grain defaultGrain,
            List<String> synonyms, String description) {

        public TimeDimension {
            grains = (grains != null && !grains.isEmpty()) ? List.copyOf(grains) : List.of(Grain.values());
            defaultGrain = (defaultGrain != null) ? defaultGrain : Grain.MONTH;
            synonyms = copy(synonyms);
        }
    }

    /** Buckets of time, finest first. */
    public enum Grain {
        DAY, WEEK, MONTH, QUARTER, YEAR
    }

    /**
     * A governed measure: an aggregate of an expression over an entity's rows, optionally filtered, or the
     * ratio of two other metrics computed after aggregation.
     *
     * @param name the metric's name, e.g. {@code revenue}
     * @param entity the entity whose rows are aggregated (for a ratio: the numerator's)
     * @param type {@code SIMPLE} or {@code RATIO}
     * @param aggregation how a simple metric aggregates; null for a ratio
     * @param expression SQL over the entity's and its many-to-one partners' columns ({@code quantity * unit_price});
     * null for a ratio or for a count of rows
     * @param filter SQL predicate rows must satisfy; null for none
     * @param numerator the metric divided, for a ratio
     * @param denominator the metric divided by, for a ratio
     * @param timeDimension the time dimension "in 2025" or "monthly" applies to; null for the entity's only one
     * @param synonyms other words for it ("sales", "turnover")
     * @param description what it means, for people and prompts
     */
    public record Metric(String name, String entity, MetricType type, Aggregation aggregation, String expression,
            String filter, String numerator, String denominator, String timeDimension, List<String> synonyms,
            String description) {

        public Metric {
            type = (type != null) ? type : MetricType.SIMPLE;
            synonyms = copy(synonyms);
        }
    }

    /** Whether a metric aggregates rows itself or divides two metrics. */
    public enum MetricType {
        SIMPLE, RATIO
    }

    /** The aggregate functions a simple metric may use. */
    public enum Aggregation {
        SUM, COUNT, COUNT_DISTINCT, AVG, MIN, MAX
    }

    /**
     * A named filter, e.g. "enterprise customers" or "cancelled orders".
     *
     * @param name the segment's name
     * @param entity the entity whose rows it keeps
     * @param filter SQL predicate over the entity's columns
     * @param synonyms other words for it
     * @param description what it means
     */
    public record Segment(String name, String entity, String filter, List<String> synonyms, String description) {

        public Segment {
            synonyms = copy(synonyms);
        }
    }

    /**
     * A question whose SQL someone checked; answered from that SQL when asked again.
     *
     * @param question the question as asked
     * @param sql the SQL that answers it
     * @param verifiedBy who checked it; null when unknown
     */
    public record VerifiedQuery(String question, String sql, String verifiedBy) {
    }
}
