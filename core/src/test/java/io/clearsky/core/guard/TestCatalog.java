package io.clearsky.core.guard;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.Arrays;
import java.util.List;

/**
 * A small catalog for guard tests: database {@code main} with orders, customers and secrets, and a
 * database {@code other} that queries of {@code main} may not read.
 */
final class TestCatalog implements Catalog {

    @Override
    public String defaultDatabase() {
        return "main";
    }

    @Override
    public List<String> databases() {
        return List.of("main", "other");
    }

    @Override
    public List<TableInfo> tables(String database) {
        return switch (database) {
            case "main" -> List.of(
                    table("main", "customers", "customer_id", "name", "email", "ssn"),
                    table("main", "orders", "order_id", "customer_id", "amount", "status", "created_at"),
                    table("main", "secrets", "id", "value"));
            case "other" -> List.of(table("other", "orders", "order_id"), table("other", "customers", "customer_id"));
            default -> List.of();
        };
    }

    private static TableInfo table(String database, String name, String... columns) {
        return new TableInfo(database, name, null,
                Arrays.stream(columns).map((column) -> new ColumnInfo(column, "VARCHAR", null, false)).toList(), 100L);
    }
}
