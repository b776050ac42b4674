package io.clearsky.worker.generation.offline;

import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Grain;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.Relationship;
import io.clearsky.core.semantic.SemanticModel.Segment;
import io.clearsky.core.semantic.SemanticModel.TimeDimension;
import java.util.List;

/**
 * A question as read: what to measure, by what, over which period, filtered how, in which order and how many
 * rows (the shape of Cube's query: measures, dimensions, time dimension with granularity, filters, order,
 * limit). With no metrics and a {@code rankBy}, it asks for the rows of the group's entity ranked by an
 * attribute ("the 10 most expensive products").
 *
 * @param metrics the measures, in the order asked
 * @param groupBy the attributes to group by
 * @param time the time dimension a period or grain applies to; null when neither is asked
 * @param timeGrain the bucket of a time series; null for none
 * @param filters what rows must satisfy
 * @param order how results are ranked; null for the natural order
 * @param limit how many rows at most; null for all
 * @param rankBy a numeric attribute of the group's own entity to rank its rows by; null when metrics rank
 * @param columns with no metrics, the attributes listed for each row of their (common) entity ("the names and
 *        ages of singers"); empty otherwise
 */
record Query(List<Metric> metrics, List<Group> groupBy, TimeDimension time, Grain timeGrain, List<Filter> filters,
        Order order, Integer limit, Dimension rankBy, List<Group> columns) {

    Query {
        columns = List.copyOf(columns);
        metrics = List.copyOf(metrics);
        groupBy = List.copyOf(groupBy);
        filters = List.copyOf(filters);
    }

    /**
     * An attribute to group by.
     *
     * @param label its name in the answer
     * @param entity the entity it belongs to
     * @param expression SQL over that entity's (and its many-to-one partners') columns
     */
    record Group(String label, Entity entity, String expression) {
    }

    /**
     * Ranking.
     *
     * @param metric the position of the ranked measure among the metrics (0 for the first), or -1 for {@code rankBy}
     * @param descending whether the largest come first
     */
    record Order(int metric, boolean descending) {
    }

    /** What rows must satisfy. */
    sealed interface Filter {
    }

    /** The dimension equals one of the values (or none of them when negated). */
    record ValueFilter(Dimension dimension, Entity entity, List<String> values, boolean negated) implements Filter {
    }

    /** A segment's predicate. */
    record SegmentFilter(Segment segment, Entity entity) implements Filter {
    }

    /** A numeric dimension compared with a number. */
    record Comparison(Dimension dimension, Entity entity, String operator, String number) implements Filter {
    }

    /** The period of the time dimension. */
    record Period(TimeReader.Range range) implements Filter {
    }

    /** Rows of {@code entity} that no row of {@code other} points at along {@code relationship}. */
    record NothingPointing(Entity entity, Entity other, Relationship relationship) implements Filter {
    }
}
