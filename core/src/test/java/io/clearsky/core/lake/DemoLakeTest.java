package io.clearsky.core.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.catalog.TableInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLakeTest {

    @TempDir
    Path dir;

    @Test
    void buildsSevenDocumentedTablesWithAFactTableAboveTheOrderCount() throws Exception {
        Path file = this.dir.resolve("lake.duckdb");

        assertThat(DemoLake.createIfMissing(file, 2_000)).isTrue();

        try (DuckDbLake lake = DuckDbLake.open(file, "main")) {
            var tables = new DuckDbCatalog(lake).tables("main");
            assertThat(tables).extracting(TableInfo::name).containsExactly("categories", "customers", "employees",
                    "order_items", "orders", "products", "regions");
            assertThat(tables).allSatisfy((table) -> {
                assertThat(table.comment()).isNotBlank();
                assertThat(table.columns()).allSatisfy((column) -> assertThat(column.comment()).isNotBlank());
            });
            assertThat(count(lake, "orders")).isEqualTo(2_000);
            assertThat(count(lake, "order_items")).isGreaterThan(4_000);
        }
    }

    @Test
    void sameInputBuildsTheSameData() throws Exception {
        Path first = this.dir.resolve("a.duckdb");
        Path second = this.dir.resolve("b.duckdb");
        DemoLake.createIfMissing(first, 500);
        DemoLake.createIfMissing(second, 500);

        assertThat(checksum(first)).isEqualTo(checksum(second));
    }

    @Test
    void anExistingLakeIsLeftAlone() {
        Path file = this.dir.resolve("lake.duckdb");
        DemoLake.createIfMissing(file, 100);

        assertThat(DemoLake.createIfMissing(file, 100)).isFalse();
    }

    @Test
    void theLakeIsOpenedReadOnly() throws Exception {
        Path file = this.dir.resolve("lake.duckdb");
        DemoLake.createIfMissing(file, 100);
        try (DuckDbLake lake = DuckDbLake.open(file, "main"); Connection connection = lake.connect();
                Statement statement = connection.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute("DELETE FROM orders"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        }
    }

    private static long count(DuckDbLake lake, String table) throws SQLException {
        try (Connection connection = lake.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long checksum(Path file) throws SQLException {
        try (DuckDbLake lake = DuckDbLake.open(file, "main"); Connection connection = lake.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT sum(hash(o)) + (SELECT sum(hash(i)) FROM order_items i) FROM orders o")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
