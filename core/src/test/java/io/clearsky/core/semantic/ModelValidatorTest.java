package io.clearsky.core.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.config.ConfigProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {

    @Test
    void theShopModelMatchesItsLake() {
        assertThat(problems(ShopLake.modelText())).isEmpty();
    }

    @Test
    void anUnknownTableIsNamedWithTheEntity() {
        assertThat(problems(ShopLake.modelText().replace("\"table\": \"customers\"", "\"table\": \"customer\"")))
                .containsExactly("shop.json: entities[0].table names unknown table 'customer' (entity 'customer'); "
                        + "did you mean 'customers'?");
    }

    @Test
    void unknownColumnsOfKeysAndExpressionsAreNamed() {
        String json = ShopLake.modelText().replace("\"nameColumn\": \"name\"", "\"nameColumn\": \"full_name\"")
                .replace("\"expression\": \"amount\"", "\"expression\": \"quantity * unit_price\"")
                .replace("segment = 'ENTERPRISE'", "tier = 'ENTERPRISE'");

        assertThat(problems(json)).containsExactly(
                "shop.json: entities[0].nameColumn names unknown column 'full_name' of table customers "
                        + "(entity 'customer'); did you mean 'name'?",
                "shop.json: segments[0].filter reads unknown column 'tier' of table customers (segment 'enterprise')",
                "shop.json: metrics[0].expression reads unknown column 'quantity' of table orders (metric 'revenue')",
                "shop.json: metrics[0].expression reads unknown column 'unit_price' of table orders (metric 'revenue')");
    }

    @Test
    void aMetricMayReadColumnsOfAnEntityItJoinsManyToOne() {
        String json = ShopLake.modelText().replace("\"filter\": \"status <> 'cancelled'\", \"timeDimension\"",
                "\"filter\": \"customer.region = 'EMEA' AND customers.segment <> 'TEST'\", \"timeDimension\"");

        assertThat(problems(json)).isEmpty();
    }

    @Test
    void aDimensionMayNotReadColumnsOfAnEntityItDoesNotJoinManyToOne() {
        String json = ShopLake.modelText().replace("\"expression\": \"region\"", "\"expression\": \"o.status\"");

        assertThat(problems(json)).containsExactly("shop.json: dimensions[0].expression reads o.status but 'o' is "
                + "neither the entity nor an entity it joins many-to-one (dimension 'region')");
    }

    @Test
    void anExpressionThatIsNotSqlIsNamed() {
        String json = ShopLake.modelText().replace("\"expression\": \"region\"", "\"expression\": \"region +\"");

        assertThat(problems(json)).containsExactly(
                "shop.json: dimensions[0].expression is not a SQL expression: 'region +' (dimension 'region')");
    }

    @Test
    void badJoinsAreNamed() {
        String unknownEntity = ShopLake.modelText().replace("\"to\": \"customer\"", "\"to\": \"client_account\"");
        String unknownColumn = ShopLake.modelText().replace("{ \"from\": \"customer_id\", \"to\": \"id\" }",
                "{ \"from\": \"customer\", \"to\": \"id\" }");
        String typeMismatch = ShopLake.modelText().replace("{ \"from\": \"customer_id\", \"to\": \"id\" }",
                "{ \"from\": \"customer_id\", \"to\": \"name\" }");

        assertThat(problems(unknownEntity)).containsExactly("shop.json: relationships[0].to names unknown entity "
                + "'client_account' (relationship 'order_customer')");
        assertThat(problems(unknownColumn)).containsExactly("shop.json: relationships[0].columns[0].from names unknown "
                + "column 'customer' of table orders (relationship 'order_customer'); did you mean 'customer_id'?");
        assertThat(problems(typeMismatch)).containsExactly("shop.json: relationships[0].columns[0] joins "
                + "orders.customer_id (BIGINT) to customers.name (VARCHAR): the types do not match "
                + "(relationship 'order_customer')");
    }

    @Test
    void ratioMetricsThatReferToEachOtherAreACycle() {
        String json = ShopLake.modelText().replace("\"denominator\": \"order_count\"", "\"denominator\": \"per_order\"")
                .replace("{ \"name\": \"average_order_value\"", """
                        { "name": "per_order", "entity": "order", "type": "ratio", "numerator": "average_order_value",
                          "denominator": "order_count" },
                        { "name": "average_order_value\"""");

        assertThat(problems(json)).containsExactly(
                "shop.json: metrics[2] refers to itself through per_order -> average_order_value -> per_order "
                        + "(metric 'per_order')",
                "shop.json: metrics[3] refers to itself through average_order_value -> per_order -> average_order_value "
                        + "(metric 'average_order_value')");
    }

    @Test
    void aRatioOfAnUnknownMetricIsNamed() {
        String json = ShopLake.modelText().replace("\"denominator\": \"order_count\"", "\"denominator\": \"orders\"");

        assertThat(problems(json)).containsExactly("shop.json: metrics[2].denominator names unknown metric 'orders' "
                + "(metric 'average_order_value')");
    }

    @Test
    void aWordNamingTwoObjectsIsNamedAtTheSecond() {
        String json = ShopLake.modelText().replace("\"synonyms\": [\"area\"]", "\"synonyms\": [\"area\", \"Sales\"]")
                .replace("\"synonyms\": [\"aov\"]", "\"synonyms\": [\"aov\", \"order count\"]");

        assertThat(problems(json)).containsExactly(
                "shop.json: metrics[0].synonyms[0] 'sales' of metric 'revenue' also names dimension 'region'",
                "shop.json: metrics[2].synonyms[1] 'order count' of metric 'average_order_value' also names "
                        + "metric 'order_count'");
    }

    @Test
    void twoObjectsOfAKindMayNotShareAName() {
        String json = ShopLake.modelText().replace("\"name\": \"order_count\"", "\"name\": \"Revenue\"")
                .replace("\"denominator\": \"order_count\"", "\"denominator\": \"revenue\"");

        assertThat(problems(json)).first().isEqualTo("shop.json: metrics[1].name repeats the name of metrics[0]: "
                + "two metrics named 'Revenue'");
    }

    @Test
    void anAuthoredMetricMayCountADerivedEntitysRows() {
        String json = """
                {"metrics": [{"name": "customer_count", "entity": "customers", "aggregation": "COUNT_DISTINCT",
                              "expression": "id"}]}
                """;

        assertThat(problems(json)).isEmpty();
    }

    @Test
    void aTimeDimensionsDefaultGrainMustBeOneOfItsGrains() {
        String json = ShopLake.modelText().replace("\"defaultGrain\": \"month\"", "\"defaultGrain\": \"week\"");

        assertThat(problems(json)).containsExactly("shop.json: timeDimensions[0].defaultGrain is WEEK, not one of "
                + "the grains [DAY, MONTH, YEAR] of time dimension 'order_date'");
    }

    private static List<String> problems(String json) {
        SemanticModel authored = SemanticModelReader.read(json.getBytes(StandardCharsets.UTF_8), "shop.json", "shop");
        return ModelValidator.validate("shop.json", authored, ShopLake.derive("shop", ShopLake.TABLES), ShopLake.TABLES)
                .stream().map(ConfigProblem::toString).toList();
    }
}
