package io.clearsky.core.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.policy.DataAccess;
import io.clearsky.core.policy.DataPolicies;
import io.clearsky.core.policy.DataPolicyProperties;
import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReadableModelTest {

    private static final DataPolicies POLICIES = new DataPolicies(new Binder(new MapConfigurationPropertySource(Map.of(
            "clearsky.security.policies.support.databases", "shop",
            "clearsky.security.policies.support.tables", "customers",
            "clearsky.security.policies.analysts.databases", "shop",
            "clearsky.security.policies.analysts.denied-columns", "customers.segment")))
            .bindOrCreate("clearsky.security", DataPolicyProperties.class));

    @Test
    void anUnrestrictedPrincipalSeesTheWholeModel() {
        SemanticModel model = ShopLake.model();

        assertThat(ReadableModel.of(model, ShopLake.TABLES, DataAccess.unrestricted())).isSameAs(model);
    }

    @Test
    void aPrincipalWhoMayNotReadATableSeesNothingThatNamesIt() {
        SemanticModel seen = ReadableModel.of(ShopLake.model(), ShopLake.TABLES, POLICIES.access(List.of("support")));

        assertThat(seen.entities()).extracting(SemanticModel.Entity::name).containsExactly("customer");
        assertThat(seen.relationships()).isEmpty();
        assertThat(seen.timeDimensions()).isEmpty();
        assertThat(seen.metrics()).isEmpty();
        assertThat(seen.dimensions()).extracting(SemanticModel.Dimension::name).containsExactly("region");
        assertThat(seen.segments()).extracting(SemanticModel.Segment::name).containsExactly("enterprise");
        assertThat(seen.verifiedQueries()).extracting(VerifiedQuery::question)
                .containsExactly("How many customers are in region EMEA?");
        assertThat(seen.instructions()).isEqualTo(ShopLake.model().instructions());
    }

    @Test
    void aHiddenColumnTakesAwayEveryPartWhoseSqlNamesIt() {
        SemanticModel seen = ReadableModel.of(ShopLake.model(), ShopLake.TABLES, POLICIES.access(List.of("analysts")));

        assertThat(seen.segments()).isEmpty();
        assertThat(seen.entities()).hasSize(2);
        assertThat(seen.metrics()).extracting(SemanticModel.Metric::name)
                .containsExactly("revenue", "order_count", "average_order_value");
        assertThat(seen.relationships()).hasSize(1);
    }

    @Test
    void aRatioGoesWithTheMetricsItDivides() {
        DataPolicies noAmount = new DataPolicies(new Binder(new MapConfigurationPropertySource(Map.of(
                "clearsky.security.policies.ops.databases", "shop",
                "clearsky.security.policies.ops.denied-columns", "orders.amount")))
                .bindOrCreate("clearsky.security", DataPolicyProperties.class));

        SemanticModel seen = ReadableModel.of(ShopLake.model(), ShopLake.TABLES, noAmount.access(List.of("ops")));

        assertThat(seen.metrics()).extracting(SemanticModel.Metric::name).containsExactly("order_count");
        assertThat(seen.verifiedQueries()).extracting(VerifiedQuery::question)
                .containsExactly("How many customers are in region EMEA?");
    }
}
