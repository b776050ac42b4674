package io.clearsky.core.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.lake.DemoLake;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.core.semantic.SemanticModel.Cardinality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDerivationTest {

    @Test
    void derivesEntitiesKeysRelationshipsDimensionsAndMetricsFromTheDemoLakesCatalog() throws Exception {
        Path file = Files.createTempDirectory("derivation").resolve("demo.duckdb");
        DemoLake.createIfMissing(file, 50);
        try (DuckDbLake lake = DuckDbLake.open(file, "main")) {
            List<TableInfo> tables = new DuckDbCatalog(lake).tables("main");
            assertThat(tables).filteredOn((table) -> table.name().equals("order_items")).singleElement()
                    .satisfies((table) -> assertThat(table.primaryKey()).containsExactly("order_id", "line_number"));

            SemanticModel model = ModelDerivation.derive("main", tables);

            assertThat(model.entity("order item")).hasValueSatisfying((entity) -> assertThat(entity.table()).isEqualTo("order_items"));
            assertThat(model.entity("customer")).hasValueSatisfying((entity) -> {
                assertThat(entity.nameColumn()).isEqualTo("name");
                assertThat(entity.synonyms()).contains("customers");
            });
            assertThat(model.relationships()).anyMatch((relationship) -> relationship.from().equals("order")
                    && relationship.to().equals("customer") && relationship.cardinality() == Cardinality.MANY_TO_ONE);
            assertThat(model.metric("number of orders")).isPresent();
            assertThat(model.metric("total quantity of order items")).hasValueSatisfying((metric) -> assertThat(metric.synonyms())
                    .contains("sum of quantity"));
            assertThat(model.dimensions()).anyMatch((dimension) -> dimension.name().equals("status") && dimension.indexedValues());
            assertThat(model.dimensions()).noneMatch((dimension) -> dimension.name().equals("customer id"));
            assertThat(model.timeDimensions()).anyMatch((time) -> time.entity().equals("order") && time.name().equals("date")
                    && time.expression().contains("order_date"));
        }
    }

    @Test
    void theShippedDemoModelReadsAndValidatesOverTheDemoLakesDerivedModel() throws Exception {
        Path file = Files.createTempDirectory("demo-model").resolve("demo.duckdb");
        DemoLake.createIfMissing(file, 50);
        try (DuckDbLake lake = DuckDbLake.open(file, "main");
                java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("clearsky/semantic/main.json")) {
            List<TableInfo> tables = new DuckDbCatalog(lake).tables("main");
            SemanticModel authored = SemanticModelReader.read(in.readAllBytes(), "main.json", "main");

            assertThat(ModelValidator.validate("main.json", authored, ModelDerivation.derive("main", tables), tables))
                    .isEmpty();
            assertThat(authored.metric("units sold")).isPresent();
        }
    }

    @Test
    void withoutDeclaredKeysInfersThemFromNamesAndComments() {
        TableInfo stadium = new TableInfo("db", "stadium", null, List.of(new ColumnInfo("Stadium_ID", "BIGINT", null, false),
                new ColumnInfo("Name", "VARCHAR", null, false)), null);
        TableInfo concert = new TableInfo("db", "concert", null, List.of(new ColumnInfo("concert_ID", "BIGINT", null, false),
                new ColumnInfo("Stadium_ID", "BIGINT", null, false),
                new ColumnInfo("host", "BIGINT", "Who hosts it (stadium.Stadium_ID)", false)), null);

        SemanticModel model = ModelDerivation.derive("db", List.of(stadium, concert));

        assertThat(model.entity("stadium")).hasValueSatisfying((entity) -> assertThat(entity.primaryKey()).containsExactly("Stadium_ID"));
        assertThat(model.relationships()).extracting((relationship) -> relationship.columns().get(0).from())
                .containsExactly("Stadium_ID", "host");
    }
}
