package io.clearsky.worker.generation;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModel.Aggregation;
import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.MetricType;
import io.clearsky.core.semantic.SemanticModel.Segment;
import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import io.clearsky.worker.retrieval.SchemaContext;
import java.util.List;

/** A small semantic model over one {@code orders} table, and the prompt lines it must produce. */
public final class SemanticFixture {

    public static final SchemaContext SCHEMA = new SchemaContext("sales", List.of(new TableInfo("sales", "orders",
            "Customer orders, one row per order", List.of(new ColumnInfo("order_id", "integer", null, false),
                    new ColumnInfo("status", "varchar", "where the order is", false, List.of("shipped", "pending"), false),
                    new ColumnInfo("dt", "string", "load date", true)), 100L)));

    public static final String UNLIKE_QUESTION = "List the ten largest regions by population";

    public static final SemanticModel SALES = new SemanticModel("sales", "Sales",
            List.of(new Entity("order", "orders", List.of("order_id"), null, List.of("purchase"), "One checkout")),
            List.of(),
            List.of(new Dimension("order_status", "order", "status", List.of("state"), "Fulfilment state", true)),
            List.of(),
            List.of(new Metric("order_count", "order", MetricType.SIMPLE, Aggregation.COUNT, null,
                    "status <> 'cancelled'", null, null, null, List.of("number of orders"), "Orders not cancelled")),
            List.of(new Segment("shipped_orders", "order", "status = 'shipped'", List.of(), null)),
            List.of(new VerifiedQuery(UNLIKE_QUESTION, "SELECT name FROM regions ORDER BY population DESC LIMIT 10", null),
                    new VerifiedQuery("How many shipped orders were there in 2024?",
                            "SELECT count(*) FROM orders WHERE status = 'shipped' AND year(dt) = 2024", "ops")),
            List.of("Count cancelled orders only when asked."));

    public static final String[] PROMPT_LINES = {
            "They are binding",
            "CREATE TABLE orders ( -- Customer orders, one row per order; entity order (also: purchase): One checkout; "
                    + "key order_id",
            "status varchar, -- where the order is; dimension order_status (also: state): Fulfilment state",
            "- order_count (also: number of orders) = COUNT(*) over orders WHERE status <> 'cancelled'. Orders not cancelled",
            "- shipped_orders = rows of orders WHERE status = 'shipped'",
            "- Count cancelled orders only when asked.",
            "Q: How many shipped orders were there in 2024?\nSQL: SELECT count(*) FROM orders WHERE status = 'shipped' "
                    + "AND year(dt) = 2024" };

    private SemanticFixture() {
    }
}
