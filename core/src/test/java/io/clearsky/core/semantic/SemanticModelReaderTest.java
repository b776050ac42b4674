package io.clearsky.core.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.ConfigProblem;
import io.clearsky.core.semantic.SemanticModel.Aggregation;
import io.clearsky.core.semantic.SemanticModel.Cardinality;
import io.clearsky.core.semantic.SemanticModel.Grain;
import io.clearsky.core.semantic.SemanticModel.MetricType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SemanticModelReaderTest {

    @Test
    void readsEveryPartOfAModelWithLowerCaseEnums() {
        SemanticModel model = ShopLake.model();

        assertThat(model.database()).isEqualTo("shop");
        assertThat(model.entity("customer")).get().satisfies((customer) -> {
            assertThat(customer.table()).isEqualTo("customers");
            assertThat(customer.synonyms()).containsExactly("client", "buyer");
        });
        assertThat(model.relationships().getFirst().cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
        assertThat(model.timeDimensions().getFirst().grains()).containsExactly(Grain.DAY, Grain.MONTH, Grain.YEAR);
        assertThat(model.metric("revenue")).get().extracting(SemanticModel.Metric::aggregation)
                .isEqualTo(Aggregation.SUM);
        assertThat(model.metric("average_order_value")).get().extracting(SemanticModel.Metric::type)
                .isEqualTo(MetricType.RATIO);
        assertThat(model.metric("order_count")).get().extracting(SemanticModel.Metric::type)
                .isEqualTo(MetricType.SIMPLE);
        assertThat(model.dimensions().getFirst().indexedValues()).isTrue();
        assertThat(model.verifiedQueries()).hasSize(2);
        assertThat(model.instructions()).contains("Weeks start on Monday.");
    }

    @Test
    void theCanonicalFormWritesEnumsInUpperCaseAndReadsBackEqual() {
        SemanticModel model = ShopLake.model();
        String canonical = new String(SemanticModelReader.canonical(model), StandardCharsets.UTF_8);

        assertThat(canonical).contains("\"MANY_TO_ONE\"").contains("\"SUM\"").doesNotContain("many_to_one");
        assertThat(SemanticModelReader.read(SemanticModelReader.canonical(model), "again", "shop")).isEqualTo(model);
    }

    @Test
    void schemaViolationsNameTheirJsonPath() {
        String json = """
                {"entities": [{"name": "customer"}],
                 "metrics": [{"name": "revenue", "entity": "order", "aggregation": "median", "expression": "amount"},
                             {"name": "aov", "entity": "order", "type": "ratio", "numerator": "revenue"}],
                 "colour": "blue"}
                """;

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> SemanticModelReader.read(json.getBytes(StandardCharsets.UTF_8), "m.json", "shop"))
                .satisfies((ex) -> assertThat(ex.problems()).extracting(ConfigProblem::path)
                        .contains("entities[0].table", "metrics[0].aggregation", "metrics[1].denominator", "colour"))
                .satisfies((ex) -> assertThat(ex.problems()).allSatisfy(
                        (problem) -> assertThat(problem.source()).isEqualTo("m.json")));
    }

    @Test
    void aNameThatIsNotAnIdentifierIsRefused() {
        String json = """
                {"entities": [{"name": "big-customer", "table": "customers"}]}
                """;

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> SemanticModelReader.read(json.getBytes(StandardCharsets.UTF_8), "m.json", "shop"))
                .withMessageStartingWith("m.json: entities[0].name ");
    }

    @Test
    void aFileForAnotherDatabaseIsRefused() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> SemanticModelReader.read(ShopLake.modelBytes(), "m.json", "sales"))
                .withMessage("m.json: database is 'shop' but the file is configured for database 'sales'");
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> SemanticModelReader.read("{\"entities\": [".getBytes(StandardCharsets.UTF_8),
                        "m.json", "shop"))
                .withMessageStartingWith("m.json: is not valid JSON (line 1");
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        String json = """
                {"dimensions": [{"name": "region", "entity": "customer", "expression": "region"}],
                 "timeDimensions": [{"name": "signup", "entity": "customer", "expression": "signup_date"}],
                 "metrics": [{"name": "customers", "entity": "customer", "aggregation": "count"}]}
                """;

        SemanticModel model = SemanticModelReader.read(json.getBytes(StandardCharsets.UTF_8), "m.json", "shop");

        assertThat(model.dimensions().getFirst().indexedValues()).isFalse();
        assertThat(model.dimensions().getFirst().synonyms()).isEmpty();
        assertThat(model.timeDimensions().getFirst().grains()).containsExactly(Grain.values());
        assertThat(model.timeDimensions().getFirst().defaultGrain()).isEqualTo(Grain.MONTH);
        assertThat(model.metrics().getFirst().type()).isEqualTo(MetricType.SIMPLE);
    }

    @Test
    void theDatabaseMayBeLeftOutAndComesFromTheSetting() {
        SemanticModel model = SemanticModelReader.read("{}".getBytes(StandardCharsets.UTF_8), "m.json", "sales");

        assertThat(model.database()).isEqualTo("sales");
        assertThat(model.entities()).isEmpty();
    }
}
