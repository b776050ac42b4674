package io.clearsky.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.policy.DataAccess;
import io.clearsky.core.policy.DataPolicies;
import io.clearsky.core.policy.DataPolicyProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The guard enforcing a principal's data access policy on top of the global lists. */
class SqlGuardPolicyTest {

    private static final DataPolicies POLICIES = new DataPolicies(new Binder(new MapConfigurationPropertySource(Map.of(
            "clearsky.security.policies.analysts.databases", "main, other",
            "clearsky.security.policies.analysts.denied-tables", "secrets",
            "clearsky.security.policies.analysts.denied-columns", "customers.email",
            "clearsky.security.policies.support.databases", "main",
            "clearsky.security.policies.support.tables", "customers",
            "clearsky.security.policies.support.columns", "customers.customer_id, customers.name")))
            .bindOrCreate("clearsky.security", DataPolicyProperties.class));

    private static final DataAccess ANALYST = POLICIES.access(List.of("analysts"));

    private static final DataAccess SUPPORT = POLICIES.access(List.of("support"));

    private final SqlGuard guard = new SqlGuard(new TestCatalog(), new GuardProperties(null, null, List.of("other"),
            null, null, List.of("customers.ssn"), null));

    @Test
    void aDeniedTableIsRefusedWithThePolicyCode() {
        assertThat(code("SELECT value FROM secrets", ANALYST)).isEqualTo("POLICY_TABLE");
        assertThat(code("SELECT o.amount FROM orders o JOIN secrets s ON s.id = o.order_id", ANALYST))
                .isEqualTo("POLICY_TABLE");
        assertThat(code("SELECT amount FROM orders", SUPPORT)).isEqualTo("POLICY_TABLE");
        assertThat(this.guard.check("SELECT value FROM secrets", "main")).isInstanceOf(GuardVerdict.Accepted.class);
    }

    @Test
    void aDeniedDatabaseIsRefusedWithThePolicyCode() {
        assertThat(code("SELECT order_id FROM other.orders", SUPPORT)).isEqualTo("POLICY_DATABASE");
        assertThat(this.guard.check("SELECT order_id FROM other.orders", "main", ANALYST))
                .isInstanceOf(GuardVerdict.Accepted.class);
        assertThat(code("SELECT order_id FROM orders", DataAccess.nothing())).isEqualTo("POLICY_DATABASE");
    }

    @Test
    void aDeniedColumnIsRefusedWhereverItIsNamed() {
        assertThat(code("SELECT email FROM customers", ANALYST)).isEqualTo("POLICY_COLUMN");
        assertThat(code("SELECT c.name FROM customers c WHERE c.email LIKE '%@example.com'", ANALYST))
                .isEqualTo("POLICY_COLUMN");
        assertThat(code("SELECT name FROM customers ORDER BY EMAIL", ANALYST)).isEqualTo("POLICY_COLUMN");
        assertThat(code("WITH x AS (SELECT email AS e FROM customers) SELECT e FROM x", ANALYST)).isEqualTo("POLICY_COLUMN");
        assertThat(code("SELECT segment FROM customers", SUPPORT)).isEqualTo("UNKNOWN_COLUMN");
        assertThat(code("SELECT email FROM customers", SUPPORT)).isEqualTo("POLICY_COLUMN");
    }

    @Test
    void starOverATableWithADeniedColumnIsRefusedButCountingIsNot() {
        GuardVerdict.Rejected star = (GuardVerdict.Rejected) this.guard.check("SELECT * FROM customers", "main", ANALYST);
        assertThat(star.reasons()).extracting(GuardVerdict.Reason::code).contains("POLICY_COLUMN");
        assertThat(star.message()).contains("list the columns instead").contains("customer_id, name");
        assertThat(((GuardVerdict.Rejected) this.guard.check("SELECT c.* FROM customers c", "main", SUPPORT)).reasons())
                .extracting(GuardVerdict.Reason::code).containsExactly("COLUMN_NOT_ALLOWED", "POLICY_COLUMN");
        assertThat(this.guard.check("SELECT count(*) FROM customers", "main", ANALYST))
                .isInstanceOf(GuardVerdict.Accepted.class);
        assertThat(this.guard.check("SELECT * FROM orders", "main", ANALYST)).isInstanceOf(GuardVerdict.Accepted.class);
    }

    @Test
    void formsThatReadColumnsWithoutNamingThemAreHeldToThePolicy() {
        assertThat(codes("SELECT COLUMNS('e.*') FROM customers", ANALYST)).contains("POLICY_COLUMN");
        assertThat(code("SELECT c1.name FROM customers c1 JOIN customers c2 USING (email)", ANALYST))
                .isEqualTo("POLICY_COLUMN");
        assertThat(codes("SELECT c1.name FROM customers c1 NATURAL JOIN customers c2", ANALYST)).contains("POLICY_COLUMN");
        assertThat(code("SELECT c FROM customers c", ANALYST)).isEqualTo("UNKNOWN_COLUMN");
        assertThat(this.guard.check("SELECT o.amount FROM orders o JOIN customers c USING (customer_id)", "main", ANALYST))
                .isInstanceOf(GuardVerdict.Accepted.class);
    }

    @Test
    void theGlobalListsStillApplyUnderAPolicy() {
        assertThat(code("SELECT ssn FROM customers", ANALYST)).isEqualTo("COLUMN_NOT_ALLOWED");
        assertThat(code("DELETE FROM orders", ANALYST)).isEqualTo("DML");
    }

    @Test
    void suggestionsNeverNameWhatThePrincipalMayNotRead() {
        GuardVerdict.Rejected table = (GuardVerdict.Rejected) this.guard.check("SELECT id FROM secret", "main", ANALYST);
        assertThat(table.code()).isEqualTo("UNKNOWN_TABLE");
        assertThat(table.message()).doesNotContain("secrets");
        GuardVerdict.Rejected column = (GuardVerdict.Rejected) this.guard.check("SELECT emai FROM customers", "main", ANALYST);
        assertThat(column.code()).isEqualTo("UNKNOWN_COLUMN");
        assertThat(column.message()).doesNotContain("email");
    }

    @Test
    void anAllowedQueryReadsTheSameAsWithoutPolicies() {
        String sql = "SELECT c.name, sum(o.amount) FROM customers c JOIN orders o ON o.customer_id = c.customer_id GROUP BY c.name";
        GuardVerdict.Accepted open = (GuardVerdict.Accepted) this.guard.check(sql, "main");
        GuardVerdict.Accepted narrowed = (GuardVerdict.Accepted) this.guard.check(sql, "main", ANALYST);
        assertThat(narrowed).isEqualTo(open);
    }

    private List<String> codes(String sql, DataAccess access) {
        GuardVerdict verdict = this.guard.check(sql, "main", access);
        assertThat(verdict).as(sql).isInstanceOf(GuardVerdict.Rejected.class);
        return ((GuardVerdict.Rejected) verdict).reasons().stream().map(GuardVerdict.Reason::code).toList();
    }

    private String code(String sql, DataAccess access) {
        GuardVerdict verdict = this.guard.check(sql, "main", access);
        assertThat(verdict).as(sql).isInstanceOf(GuardVerdict.Rejected.class);
        return ((GuardVerdict.Rejected) verdict).code();
    }
}
