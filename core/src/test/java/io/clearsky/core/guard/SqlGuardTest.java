package io.clearsky.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlGuardTest {

    private final SqlGuard guard = new SqlGuard(new TestCatalog(), HostileCorpusTest.POLICY);

    @Test
    void acceptedQueryNamesItsTablesAndColumnsAndLosesItsComments() {
        GuardVerdict.Accepted accepted = accept("""
                -- revenue per customer
                SELECT c.name, sum(o.amount) AS revenue /* net */
                FROM customers c JOIN orders o ON o.customer_id = c.customer_id
                GROUP BY c.name ORDER BY revenue DESC""");

        assertThat(accepted.tables()).containsExactlyInAnyOrder("main.customers", "main.orders");
        assertThat(accepted.columns()).containsExactlyInAnyOrder("customers.name", "customers.customer_id",
                "orders.amount", "orders.customer_id");
        assertThat(accepted.sql()).doesNotContain("--", "/*", "net").endsWith("LIMIT 10000");
    }

    @Test
    void rowCapIsAddedLoweredOrLeftAlone() {
        assertThat(accept("SELECT order_id FROM orders").sql()).endsWith("LIMIT 10000");
        assertThat(accept("SELECT order_id FROM orders").rowCapApplied()).isTrue();
        assertThat(accept("SELECT order_id FROM orders LIMIT 50000").sql()).endsWith("LIMIT 10000");
        assertThat(accept("SELECT order_id FROM orders LIMIT ALL").sql()).endsWith("LIMIT 10000");
        GuardVerdict.Accepted small = accept("SELECT order_id FROM orders ORDER BY amount DESC LIMIT 5");
        assertThat(small.sql()).endsWith("LIMIT 5");
        assertThat(small.rowCapApplied()).isFalse();
        assertThat(accept("SELECT order_id FROM orders FETCH FIRST 20000 ROWS ONLY").sql()).contains("FETCH FIRST 10000 ROWS ONLY");
    }

    @Test
    void unionWithATrailingLimitKeepsOneLimit() {
        String sql = accept("SELECT order_id FROM orders UNION SELECT customer_id FROM customers LIMIT 3").sql();

        assertThat(sql).containsOnlyOnce("LIMIT").endsWith("LIMIT 3");
    }

    @Test
    void unknownNamesAreRejectedWithSuggestions() {
        assertThat(reject("SELECT * FROM order").message()).contains("order").contains("Did you mean orders?");
        assertThat(reject("SELECT amout FROM orders").message()).contains("amout").contains("Did you mean amount?");
        assertThat(reject("SELECT o.custmer_id FROM orders o").message()).contains("Did you mean customer_id?");
    }

    @Test
    void everyProblemOfAQueryIsReportedAtOnce() {
        GuardVerdict.Rejected rejected = reject("SELECT amout, statsu FROM orders");

        assertThat(rejected.reasons()).extracting(GuardVerdict.Reason::code).containsExactly("UNKNOWN_COLUMN", "UNKNOWN_COLUMN");
        assertThat(rejected.message()).contains("amout").contains("statsu");
    }

    @Test
    void columnsInWindowsGroupingAndOrderingAreChecked() {
        assertThat(reject("SELECT rank() OVER (PARTITION BY regoin ORDER BY amount) FROM orders").code()).isEqualTo("UNKNOWN_COLUMN");
        assertThat(reject("SELECT rank() OVER (ORDER BY amout) FROM orders").code()).isEqualTo("UNKNOWN_COLUMN");
        assertThat(reject("SELECT status FROM orders GROUP BY status HAVING sum(amout) > 1").code()).isEqualTo("UNKNOWN_COLUMN");
    }

    @Test
    void namesTheQueryDefinesAreKnown() {
        accept("WITH t(total) AS (SELECT sum(amount) FROM orders) SELECT total FROM t");
        accept("SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY n DESC");
        accept("SELECT x.n FROM (SELECT count(*) AS n FROM orders) x");
        accept("SELECT list_transform([1, 2], v -> v + 1) FROM orders");
        accept("SELECT order_id FROM orders WHERE created_at > current_date AND status IS NOT NULL OR true");
    }

    @Test
    void textOfFunctionNamesInsideStringsIsHarmless() {
        accept("SELECT 'read_csv(x)' AS label FROM orders WHERE status = 'glob(*)'");
    }

    @Test
    void configurationCanAllowAnotherDatabaseAndAFileFunction() {
        SqlGuard open = new SqlGuard(new TestCatalog(), new GuardProperties(null, null, List.of("other"), null, null, null,
                List.of("read_parquet")));

        assertThat(open.check("SELECT o.order_id FROM other.orders o", "main")).isInstanceOf(GuardVerdict.Accepted.class);
        assertThat(open.check("SELECT * FROM read_parquet('lake/*.parquet')", "main")).isInstanceOf(GuardVerdict.Accepted.class);
        assertThat(open.check("SELECT * FROM read_csv('x.csv')", "main")).isInstanceOf(GuardVerdict.Rejected.class);
    }

    @Test
    void anAllowListLimitsTheTables() {
        SqlGuard narrow = new SqlGuard(new TestCatalog(), new GuardProperties(null, null, null, List.of("orders"), null,
                null, null));

        assertThat(narrow.check("SELECT order_id FROM orders", "main")).isInstanceOf(GuardVerdict.Accepted.class);
        assertThat(((GuardVerdict.Rejected) narrow.check("SELECT name FROM customers", "main")).code())
                .isEqualTo("TABLE_NOT_ALLOWED");
    }

    @Test
    void deniedColumnsMayStillBeCountedByStar() {
        accept("SELECT count(*) FROM customers");
        accept("SELECT name, email FROM customers");
    }

    private GuardVerdict.Accepted accept(String sql) {
        GuardVerdict verdict = this.guard.check(sql, "main");
        assertThat(verdict).as(verdict.toString()).isInstanceOf(GuardVerdict.Accepted.class);
        return (GuardVerdict.Accepted) verdict;
    }

    private GuardVerdict.Rejected reject(String sql) {
        GuardVerdict verdict = this.guard.check(sql, "main");
        assertThat(verdict).isInstanceOf(GuardVerdict.Rejected.class);
        return (GuardVerdict.Rejected) verdict;
    }
}
