package io.clearsky.core.semantic;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The test lake {@code shop} (customers and orders) and its authored model, {@code semantic/shop.json}. */
final class ShopLake {

    static final List<TableInfo> TABLES = List.of(
            new TableInfo("shop", "customers", "Customers", List.of(column("id", "INTEGER"), column("name", "VARCHAR"),
                    column("region", "VARCHAR"), column("segment", "VARCHAR")), 100L),
            new TableInfo("shop", "orders", "Orders", List.of(column("id", "INTEGER"), column("customer_id", "BIGINT"),
                    column("order_date", "DATE"), column("status", "VARCHAR"), column("amount", "DECIMAL(10,2)")),
                    1000L));

    private ShopLake() {
    }

    static ColumnInfo column(String name, String type) {
        return new ColumnInfo(name, type, null, false);
    }

    static byte[] modelBytes() {
        try (InputStream in = ShopLake.class.getClassLoader().getResourceAsStream("semantic/shop.json")) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String modelText() {
        return new String(modelBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static SemanticModel model() {
        return SemanticModelReader.read(modelBytes(), "shop.json", "shop");
    }

    /** A catalog of the shop database alone. */
    static Catalog catalog() {
        return new Catalog() {

            @Override
            public String defaultDatabase() {
                return "shop";
            }

            @Override
            public List<String> databases() {
                return List.of("shop");
            }

            @Override
            public List<TableInfo> tables(String database) {
                return database.equalsIgnoreCase("shop") ? TABLES : List.of();
            }
        };
    }

    /** Derives an entity per table, named after the table, and nothing else: enough to test the overlay. */
    static SemanticModel derive(String database, List<TableInfo> tables) {
        return new SemanticModel(database, "derived", tables.stream()
                .map((table) -> new SemanticModel.Entity(table.name(), table.name(),
                        List.of(table.columns().getFirst().name()), null, List.of(), table.comment()))
                .toList(), null, null, null, null, null, null, List.of("derived rule"));
    }
}
