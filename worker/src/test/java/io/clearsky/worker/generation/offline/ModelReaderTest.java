package io.clearsky.worker.generation.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.core.semantic.ModelDerivation;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.worker.generation.Generation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model reader over the demo lake: its authored model (read here with Jackson until the model loader
 * lands) and the model derived from its catalog.
 */
class ModelReaderTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    private static DuckDbLake lake;

    private static List<TableInfo> tables;

    private static SemanticModel authored;

    private final ModelReader reader = new ModelReader(TODAY);

    @BeforeAll
    static void buildTheDemoLake() throws Exception {
        Path file = Files.createTempDirectory("model-reader").resolve("demo.duckdb");
        DemoLake.createIfMissing(file, 300);
        lake = DuckDbLake.open(file, "main");
        tables = new DuckDbCatalog(lake).tables("main");
        try (InputStream in = ModelReaderTest.class.getResourceAsStream("/clearsky/semantic/main.json")) {
            authored = JsonMapper.builder().build().readValue(in, SemanticModel.class);
        }
    }

    @AfterAll
    static void close() throws Exception {
        lake.close();
    }

    @Test
    void anOrdersRegionIsItsCustomersInTheAuthoredModel() {
        String sql = sql("total revenue by region");

        assertThat(sql).contains("sum(order_items.quantity * order_items.unit_price * (1 - order_items.discount))")
                .contains("JOIN \"customers\"").contains("JOIN \"regions\"").doesNotContain("employees")
                .contains("GROUP BY 1");
    }

    @Test
    void aRatioDividesTheAggregatesComputedApart() {
        assertThat(sql("average order value by channel")).contains("WITH p1 AS").contains("NULLIF(p2.m1, 0)")
                .contains("CAST(p1.m1 AS DOUBLE)");
    }

    @Test
    void yearsQuartersAndRelativePeriodsAreHalfOpenRanges() {
        assertThat(sql("orders in 2025")).contains("orders.order_date >= DATE '2025-01-01'")
                .contains("orders.order_date < DATE '2026-01-01'");
        assertThat(sql("revenue in Q1 2024")).contains(">= DATE '2024-01-01'").contains("< DATE '2024-04-01'");
        assertThat(sql("orders since March 2024")).contains(">= DATE '2024-03-01'").doesNotContain("<");
        assertThat(sql("orders last month")).contains(">= DATE '2026-11-01'").contains("< DATE '2026-12-01'");
        assertThat(sql("monthly revenue in 2025")).startsWith("SELECT date_trunc('month', orders.order_date)");
    }

    @Test
    void topNRanksGroupsByAMetricAndRowsByAnAttribute() {
        assertThat(sql("Top 5 products by sales")).contains("GROUP BY 1").endsWith("ORDER BY 2 DESC, 1 LIMIT 5");
        assertThat(sql("10 most expensive products")).contains("products.unit_price").doesNotContain("GROUP BY")
                .endsWith("ORDER BY 2 DESC, 1 LIMIT 10");
        assertThat(sql("Which category has the most products?")).contains("count(*)").endsWith("LIMIT 1");
    }

    @Test
    void valuesSegmentsNamedRowsAndRowsWithNothingRelatedFilter() {
        assertThat(sql("revenue in DACH")).contains("regions.name = 'DACH'");
        assertThat(sql("orders by Ava Muller")).contains("customers.name = 'Ava Muller'").doesNotContain("GROUP BY");
        assertThat(sql("sales to enterprise customers")).contains("(customers.segment = 'Enterprise')");
        assertThat(sql("number of customers without any orders"))
                .contains("\"customers\".\"customer_id\" NOT IN (SELECT \"orders\".\"customer_id\"");
        assertThat(sql("count of products priced more than 1000")).contains("products.unit_price > 1000");
    }

    @Test
    void aVerifiedQuestionIsAnsweredFromItsSqlAndSaysSo() {
        Generation.Sql answer = (Generation.Sql) this.reader.read("how many customers have no orders", authored, tables, 100);

        assertThat(answer.assumptions()).anyMatch((assumption) -> assumption.startsWith(ModelReader.VERIFIED));
        assertThat(answer.sql()).isEqualTo(authored.verifiedQueries().get(0).sql());
    }

    @Test
    void unknownWordsAreNamedWithWhatTheModelKnows() {
        Generation.CannotAnswer declined = (Generation.CannotAnswer) this.reader.read("revenue by warehouse", authored,
                tables, 100);

        assertThat(declined.reason()).contains("'warehouse'").contains("I know revenue").contains("by region");
    }

    @Test
    void aDerivedModelAsksWhichWayAnOrderReachesItsRegion() {
        SemanticModel derived = ModelDerivation.derive("main", tables);

        Generation answer = this.reader.read("number of orders by region", derived, tables, 100);

        assertThat(answer).isInstanceOf(Generation.Clarification.class);
        assertThat(((Generation.Clarification) answer).choices()).hasSize(2)
                .anyMatch((choice) -> choice.contains("customer")).anyMatch((choice) -> choice.contains("employee"));
    }

    @Test
    void aDerivedModelCountsAndGroupsAlongKeys() {
        SemanticModel derived = ModelDerivation.derive("main", tables);

        assertThat(this.reader.read("How many customers are there?", derived, tables, 100))
                .isInstanceOfSatisfying(Generation.Sql.class, (sql) -> assertThat(sql.sql())
                        .isEqualTo("SELECT count(*) AS \"number_of_customers\" FROM \"customers\""));
        assertThat(this.reader.read("number of products per department", derived, tables, 100))
                .isInstanceOfSatisfying(Generation.Sql.class, (sql) -> assertThat(sql.sql())
                        .contains("JOIN \"categories\" ON \"products\".\"category_id\" = \"categories\".\"category_id\""));
    }

    private String sql(String question) {
        Generation answer = this.reader.read(question, authored, tables, 100);
        assertThat(answer).as(question + " → " + answer).isInstanceOf(Generation.Sql.class);
        return ((Generation.Sql) answer).sql();
    }
}
