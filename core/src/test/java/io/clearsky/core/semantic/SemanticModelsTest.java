package io.clearsky.core.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.config.ClearSkyConfig;
import io.clearsky.core.config.ConfigProblem;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.config.VectorStoreConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticModelsTest {

    @Test
    void theModelInEffectIsTheAuthoredOneOverTheDerivedOne() {
        LiveConfig live = new LiveConfig(config(ShopLake.model()));
        SemanticModels models = new SemanticModels(ShopLake.catalog(), live, ShopLake::derive);

        ModelInEffect shop = models.inEffect("shop");

        assertThat(shop.hasAuthoredModel()).isTrue();
        assertThat(shop.authoredLocation()).isEqualTo("shop.json");
        assertThat(shop.model().entities()).extracting(SemanticModel.Entity::name).containsExactly("customer", "order");
        assertThat(shop.model().metric("revenue")).isPresent();
        assertThat(shop.model().instructions()).endsWith("derived rule");
        assertThat(models.databases()).containsExactly("shop");
    }

    @Test
    void aDatabaseWithoutAnAuthoredModelGetsTheDerivedOne() {
        SemanticModels models = new SemanticModels(ShopLake.catalog(), new LiveConfig(config(null)), ShopLake::derive);

        ModelInEffect shop = models.inEffect("shop");

        assertThat(shop.hasAuthoredModel()).isFalse();
        assertThat(shop.model().entities()).extracting(SemanticModel.Entity::name).containsExactly("customers", "orders");
        assertThat(shop.derived().get("entities")).containsExactly("customers", "orders");
    }

    @Test
    void anInstalledRevisionInstallsItsModel() {
        LiveConfig live = new LiveConfig(config(null));
        SemanticModels models = new SemanticModels(ShopLake.catalog(), live, ShopLake::derive);
        assertThat(models.inEffect("shop").model().metrics()).isEmpty();

        live.install(2, config(ShopLake.model()));

        assertThat(models.inEffect("shop").model().metric("revenue")).isPresent();
    }

    @Test
    void aModelChangeChangesTheFingerprint() {
        SemanticModel model = ShopLake.model();
        SemanticModel changed = model.withVerifiedQueries(List.of());

        assertThat(config(model).fingerprint()).isNotEqualTo(config(null).fingerprint())
                .isNotEqualTo(config(changed).fingerprint()).isEqualTo(config(ShopLake.model()).fingerprint());
        assertThat(config(changed).changesFrom(config(model))).containsExactly("semantic_models.shop.verifiedQueries");
        assertThat(config(model).changesFrom(config(null))).containsExactly("semantic_models.shop");
    }

    @Test
    void theCheckNamesAModelOfADatabaseTheCatalogDoesNotList() {
        ClearSkyConfig config = new ClearSkyConfig(chatbot(), new VectorStoreConfig("memory", null, null, null, null, null), new AuthoredModels(
                Map.of("sales", new SemanticModel("sales", null, null, null, null, null, null, null, null, null)),
                Map.of("sales", "sales.json")));
        SemanticModels models = new SemanticModels(ShopLake.catalog(), new LiveConfig(config(null)), ShopLake::derive);

        assertThat(models.check(config)).extracting(ConfigProblem::toString).containsExactly(
                "sales.json: database names database 'sales', which the catalog does not list (it has [shop])");
    }

    @Test
    void aPromotedVerifiedQueryJoinsTheModelInEffect() {
        SemanticModels models = new SemanticModels(ShopLake.catalog(), new LiveConfig(config(ShopLake.model())),
                ShopLake::derive);

        models.promote("shop", new SemanticModel.VerifiedQuery("Orders per region?",
                "SELECT region, COUNT(*) FROM orders JOIN customers ON customers.id = orders.customer_id GROUP BY region",
                "q-1"));

        assertThat(models.inEffect("shop").model().verifiedQueries()).extracting(SemanticModel.VerifiedQuery::question)
                .endsWith("Orders per region?");
        assertThat(models.inEffect("shop").promoted()).hasSize(1);
    }

    static ClearSkyConfig config(SemanticModel shop) {
        AuthoredModels models = (shop != null) ? new AuthoredModels(Map.of("shop", shop), Map.of("shop", "shop.json"))
                : AuthoredModels.NONE;
        return new ClearSkyConfig(chatbot(), new VectorStoreConfig("memory", null, null, null, null, null), models);
    }

    private static ChatbotConfig chatbot() {
        return new ChatbotConfig(null, null, null, null, null, null);
    }
}
