package io.clearsky.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlGuardTest {

    private final SqlGuard guard = new SqlGuard(new Catalog() {
        @Override
        public String defaultDatabase() {
            return "main";
        }

        @Override
        public List<TableInfo> tables(String database) {
            return List.of(new TableInfo("main", "orders", null, List.of(new ColumnInfo("order_id", "INTEGER", null, false)), 10L));
        }
    });

    @Test
    void acceptsASelectOverAKnownTable() {
        assertThat(this.guard.check("SELECT count(*) FROM Orders", "main"))
                .isEqualTo(new GuardVerdict.Accepted("SELECT count(*) FROM Orders", java.util.Set.of("orders")));
    }

    @Test
    void acceptsCteNamesAsTables() {
        assertThat(this.guard.check("WITH o AS (SELECT * FROM orders) SELECT count(*) FROM o", "main"))
                .isInstanceOf(GuardVerdict.Accepted.class);
    }

    @Test
    void rejectsWrites() {
        assertThat(code("DELETE FROM orders")).isEqualTo("NOT_READ_ONLY");
        assertThat(code("DROP TABLE orders")).isEqualTo("NOT_READ_ONLY");
    }

    @Test
    void rejectsASecondStatementHiddenAfterTheFirst() {
        assertThat(code("SELECT 1 FROM orders; DROP TABLE orders")).isIn("MULTIPLE_STATEMENTS", "PARSE_ERROR");
    }

    @Test
    void rejectsUnknownTablesNamingThem() {
        GuardVerdict verdict = this.guard.check("SELECT * FROM invoices", "main");
        assertThat(verdict).isInstanceOf(GuardVerdict.Rejected.class);
        assertThat(((GuardVerdict.Rejected) verdict).message()).contains("invoices").contains("orders");
    }

    @Test
    void rejectsFileReadingFunctionsButNotTheirNamesInStrings() {
        assertThat(code("SELECT * FROM read_csv('/etc/passwd')")).isEqualTo("FORBIDDEN_FUNCTION");
        assertThat(this.guard.check("SELECT 'read_csv(x)' AS label FROM orders", "main")).isInstanceOf(GuardVerdict.Accepted.class);
    }

    @Test
    void rejectsControlCharacters() {
        assertThat(code("SELECT 1 FROM orders\u0000")).isEqualTo("CONTROL_CHARACTERS");
    }

    private String code(String sql) {
        GuardVerdict verdict = this.guard.check(sql, "main");
        assertThat(verdict).isInstanceOf(GuardVerdict.Rejected.class);
        return ((GuardVerdict.Rejected) verdict).code();
    }
}
