package io.clearsky.worker.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.worker.retrieval.SchemaContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineSqlGeneratorTest {

    private static final SchemaContext SCHEMA = new SchemaContext("main", List.of(
            new TableInfo("main", "order_items", null, List.of(new ColumnInfo("product_id", "INTEGER", null, false)), null),
            new TableInfo("main", "orders", null, List.of(new ColumnInfo("status", "VARCHAR", null, false),
                    new ColumnInfo("amount", "DECIMAL(10,2)", null, false)), null),
            new TableInfo("main", "categories", null, List.of(), null)));

    private final OfflineSqlGenerator generator = new OfflineSqlGenerator();

    @Test
    void countsATableNamedInThePlural() {
        assertThat(sql("How many orders are there?")).isEqualTo("SELECT count(*) AS \"number_of_orders\" FROM \"orders\"");
    }

    @Test
    void findsMultiWordAndIrregularPluralTables() {
        assertThat(sql("How many order items are there?")).contains("FROM \"order_items\"");
        assertThat(sql("How many categories do we have")).contains("FROM \"categories\"");
    }

    @Test
    void countsPerColumnValue() {
        assertThat(sql("How many orders per status?")).isEqualTo("SELECT \"orders\".\"status\" AS \"status\", "
                + "count(*) AS \"number_of_orders\" FROM \"orders\" GROUP BY 1 ORDER BY 1");
    }

    @Test
    void listsRowsWithinTheRowCap() {
        assertThat(sql("List 5 orders")).isEqualTo("SELECT * FROM \"orders\" LIMIT 5");
        assertThat(this.generator.generate(new GenerationRequest("show the first 500 orders", SCHEMA, 20, "duckdb")))
                .isEqualTo(new Generation.Sql("SELECT * FROM \"orders\" LIMIT 20", "Shows 20 rows of the orders table."));
    }

    @Test
    void aggregatesANumericColumnOfATable() {
        assertThat(sql("What is the average amount of orders?"))
                .isEqualTo("SELECT avg(\"orders\".\"amount\") AS \"average_amount_of_orders\" FROM \"orders\"");
        assertThat(sql("What is the total amount of all orders?")).startsWith("SELECT sum(\"orders\".\"amount\")")
                .endsWith("FROM \"orders\"");
        // The model reader does not read "across"; the table readings do.
        assertThat(sql("maximum amount across the orders")).isEqualTo("SELECT max(\"amount\") FROM \"orders\"");
    }

    @Test
    void countsRowsComparedWithANumber() {
        assertThat(sql("How many orders have more than 100 amount?"))
                .isEqualTo("SELECT count(*) FROM \"orders\" WHERE \"amount\" > 100");
        assertThat(sql("How many orders with at most 9.5 amount")).endsWith("WHERE \"amount\" <= 9.5");
    }

    @Test
    void declinesToAggregateText() {
        assertThat(this.generator.generate(new GenerationRequest("What is the maximum status of orders?", SCHEMA, 10, "duckdb")))
                .isInstanceOf(Generation.CannotAnswer.class);
    }

    @Test
    void declinesWhatItCannotMapWithCertainty() {
        assertThat(this.generator.generate(new GenerationRequest("How many invoices are there?", SCHEMA, 10, "duckdb")))
                .isInstanceOf(Generation.CannotAnswer.class);
        assertThat(this.generator.generate(new GenerationRequest("What was revenue growth by region?", SCHEMA, 10, "duckdb")))
                .isInstanceOf(Generation.CannotAnswer.class);
    }

    @Test
    void namesTheWordsItCouldNotPlaceWhenDeclining() {
        assertThat(this.generator.generate(new GenerationRequest("What is the amount of orders shipped by drones?", SCHEMA, 10,
                "duckdb"))).isInstanceOfSatisfying(Generation.CannotAnswer.class, (declined) -> assertThat(declined.reason())
                        .contains("'shipped', 'drones'").contains("I know number of order items, number of orders"));
    }

    private String sql(String question) {
        Generation generation = this.generator.generate(new GenerationRequest(question, SCHEMA, 1000, "duckdb"));
        assertThat(generation).isInstanceOf(Generation.Sql.class);
        return ((Generation.Sql) generation).sql();
    }
}
