package io.clearsky.core.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.MetricType;
import io.clearsky.core.semantic.SemanticModel.Aggregation;
import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelOverlayTest {

    private static final SemanticModel DERIVED = new SemanticModel("shop", "derived description",
            List.of(new Entity("customers", "customers", List.of("id"), "name", List.of("client"), "Customers table"),
                    new Entity("orders", "orders", List.of("id"), null, List.of(), "Orders table")),
            null,
            List.of(new Dimension("region", "customers", "region", List.of("area"), "derived region", false),
                    new Dimension("status", "orders", "status", List.of("state"), null, true)),
            null,
            List.of(new Metric("orders_count", "orders", MetricType.SIMPLE, Aggregation.COUNT, null, null, null, null,
                    null, List.of("purchases"), null)),
            null, List.of(new VerifiedQuery("how many orders?", "SELECT COUNT(*) FROM orders", null)),
            List.of("derived rule"));

    @Test
    void anAuthoredEntityReplacesTheDerivedOneOfItsTableAndKeepsWhatItLeavesOut() {
        SemanticModel authored = model(List.of(new Entity("customer", "customers", List.of(), null,
                List.of("buyer"), "Someone who ordered")), List.of(), List.of());

        ModelOverlay.Layered layered = ModelOverlay.overlay(DERIVED, authored);

        Entity customer = layered.model().entity("customer").orElseThrow();
        assertThat(customer.primaryKey()).containsExactly("id");
        assertThat(customer.nameColumn()).isEqualTo("name");
        assertThat(customer.synonyms()).containsExactly("buyer");
        assertThat(customer.description()).isEqualTo("Someone who ordered");
        assertThat(layered.model().entity("customers")).isEmpty();
        // the derived dimension of the replaced entity follows its authored name
        assertThat(layered.model().dimensions()).filteredOn((d) -> d.name().equals("region"))
                .extracting(Dimension::entity).containsExactly("customer");
        assertThat(layered.authored().get("entities")).containsExactly("customer");
        assertThat(layered.derived().get("entities")).containsExactly("orders");
    }

    @Test
    void authoredObjectsReplaceDerivedOnesOfTheSameNameAndAdditionsAreKept() {
        SemanticModel authored = model(List.of(),
                List.of(new Dimension("Region", "customers", "upper(region)", List.of("territory"), "Sales region",
                        true)),
                List.of(new Metric("revenue", "orders", MetricType.SIMPLE, Aggregation.SUM, "amount", null, null, null,
                        null, List.of("sales"), "Money taken")));

        ModelOverlay.Layered layered = ModelOverlay.overlay(DERIVED, authored);

        assertThat(layered.model().dimensions()).extracting(Dimension::name).containsExactly("Region", "status");
        assertThat(layered.model().dimensions().getFirst().synonyms()).containsExactly("territory");
        assertThat(layered.model().metrics()).extracting(Metric::name).containsExactly("revenue", "orders_count");
        assertThat(layered.authored().get("metrics")).containsExactly("revenue");
        assertThat(layered.derived().get("metrics")).containsExactly("orders_count");
        assertThat(layered.derived().get("dimensions")).containsExactly("status");
    }

    @Test
    void aWordAnAuthoredObjectClaimsIsDroppedFromDerivedObjects() {
        SemanticModel authored = model(List.of(), List.of(new Dimension("order_state", "orders", "status",
                List.of("state", "client"), null, false)), List.of());

        SemanticModel merged = ModelOverlay.overlay(DERIVED, authored).model();

        assertThat(merged.dimensions()).filteredOn((d) -> d.name().equals("status")).first()
                .extracting(Dimension::synonyms).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .isEmpty();
        assertThat(merged.entity("customers").orElseThrow().synonyms()).isEmpty();
    }

    @Test
    void authoredDescriptionVerifiedQueriesAndInstructionsComeFirst() {
        SemanticModel authored = new SemanticModel("shop", "A web shop", null, null, null, null, null, null,
                List.of(new VerifiedQuery("How many orders?", "SELECT COUNT(*) AS n FROM orders", "ann"),
                        new VerifiedQuery("revenue?", "SELECT SUM(amount) FROM orders", null)),
                List.of("Revenue excludes cancelled orders.", "derived rule"));

        SemanticModel merged = ModelOverlay.overlay(DERIVED, authored).model();

        assertThat(merged.description()).isEqualTo("A web shop");
        assertThat(merged.verifiedQueries()).extracting(VerifiedQuery::sql)
                .containsExactly("SELECT COUNT(*) AS n FROM orders", "SELECT SUM(amount) FROM orders");
        assertThat(merged.instructions()).containsExactly("Revenue excludes cancelled orders.", "derived rule");
    }

    @Test
    void withoutAnAuthoredModelTheDerivedOneIsInEffect() {
        ModelOverlay.Layered layered = ModelOverlay.overlay(DERIVED, null);

        assertThat(layered.model()).isEqualTo(DERIVED);
        assertThat(layered.authored().get("entities")).isEmpty();
    }

    private static SemanticModel model(List<Entity> entities, List<Dimension> dimensions, List<Metric> metrics) {
        return new SemanticModel("shop", null, entities, null, dimensions, null, metrics, null, null, null);
    }
}
