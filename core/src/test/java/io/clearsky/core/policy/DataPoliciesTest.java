package io.clearsky.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.schemas.avro.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DataPoliciesTest {

    /** Analysts read main without customers' e-mail; sales read orders and two columns of customers; admins read all. */
    static final Map<String, String> SETTINGS = Map.of(
            "clearsky.security.policies.analysts.databases", "main",
            "clearsky.security.policies.analysts.denied-columns", "customers.email",
            "clearsky.security.policies.Sales.databases", "main",
            "clearsky.security.policies.Sales.tables", "orders, main.customers",
            "clearsky.security.policies.Sales.columns", "customers.customer_id, customers.name",
            "clearsky.security.policies.admins.databases", "*",
            "clearsky.security.default-groups", "sales",
            "clearsky.security.kafka-publishers.orders-service.groups", "analysts");

    static DataPolicyProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("clearsky.security", DataPolicyProperties.class);
    }

    private final DataPolicies policies = new DataPolicies(bind(SETTINGS));

    @Test
    void withoutPoliciesEveryPrincipalIsUnrestricted() {
        DataPolicies none = new DataPolicies(bind(Map.of()));

        assertThat(none.enabled()).isFalse();
        assertThat(none.access(List.of("anyone")).isUnrestricted()).isTrue();
        assertThat(none.access((Principal) null).isUnrestricted()).isTrue();
        assertThat(none.access(List.of()).filter(tables())).isEqualTo(tables());
    }

    @Test
    void aGroupReadsItsDatabasesTablesAndColumns() {
        DataAccess analyst = this.policies.access(List.of("analysts"));

        assertThat(analyst.allowsDatabase("main")).isTrue();
        assertThat(analyst.allowsDatabase("finance")).isFalse();
        assertThat(analyst.allowsTable("main", "CUSTOMERS")).isTrue();
        assertThat(analyst.allowsColumn("main", "customers", "name")).isTrue();
        assertThat(analyst.allowsColumn("main", "customers", "Email")).isFalse();
        assertThat(analyst.allowsColumn("main", "orders", "email")).isTrue();
    }

    @Test
    void anAllowListOfColumnsNarrowsOnlyItsTable() {
        DataAccess sales = this.policies.access(List.of("SALES"));

        assertThat(sales.allowsTable("main", "orders")).isTrue();
        assertThat(sales.allowsTable("main", "secrets")).isFalse();
        assertThat(sales.allowsColumn("main", "orders", "amount")).isTrue();
        assertThat(sales.allowsColumn("main", "customers", "name")).isTrue();
        assertThat(sales.allowsColumn("main", "customers", "ssn")).isFalse();
    }

    @Test
    void groupsGrantTheUnionOfTheirPolicies() {
        DataAccess both = this.policies.access(List.of("sales", "analysts"));

        assertThat(both.allowsTable("main", "secrets")).isTrue();
        assertThat(both.allowsColumn("main", "customers", "ssn")).isTrue();
        assertThat(both.allowsColumn("main", "customers", "email")).isFalse();
        assertThat(both.groups()).containsExactly("analysts", "sales");
        assertThat(this.policies.access(List.of("admins")).allowsDatabase("finance")).isTrue();
    }

    @Test
    void aPrincipalInNoConfiguredGroupGetsTheDefaultGroupsOrNothing() {
        assertThat(this.policies.access(List.of("interns")).groups()).containsExactly("sales");
        assertThat(this.policies.access((Principal) null).allowsDatabase("main")).isFalse();

        DataPolicies strict = new DataPolicies(bind(Map.of("clearsky.security.policies.analysts.databases", "main")));
        DataAccess intern = strict.access(List.of("interns"));
        assertThat(intern.allowsDatabase("main")).isFalse();
        assertThat(intern.filter(tables())).isEmpty();
    }

    @Test
    void filteringTablesDropsDeniedTablesAndColumns() {
        List<TableInfo> visible = this.policies.access(List.of("sales")).filter(tables());

        assertThat(visible).extracting(TableInfo::name).containsExactly("customers", "orders");
        assertThat(visible.getFirst().columns()).extracting(ColumnInfo::name).containsExactly("customer_id", "name");
    }

    @Test
    void theCatalogViewShowsOnlyWhatTheGroupsMayRead() {
        Catalog catalog = new Catalog() {
            @Override
            public String defaultDatabase() {
                return "main";
            }

            @Override
            public List<String> databases() {
                return List.of("finance", "main");
            }

            @Override
            public List<TableInfo> tables(String database) {
                return database.equals("main") ? DataPoliciesTest.tables()
                        : List.of(DataPoliciesTest.table("finance", "ledger", "id"));
            }
        };
        Catalog view = this.policies.access(List.of("analysts")).view(catalog);

        assertThat(view.databases()).containsExactly("main");
        assertThat(view.tables("finance")).isEmpty();
        assertThat(view.table("main", "customers").orElseThrow().columns()).extracting(ColumnInfo::name)
                .containsExactly("customer_id", "name", "ssn");
        assertThat(this.policies.access(List.of("sales")).view(catalog).table("main", "secrets")).isEmpty();
    }

    @Test
    void aMappedPublisherRunsAsItsConfiguredPrincipal() {
        Principal publisher = this.policies.publisher("orders-service").orElseThrow();

        assertThat(publisher.getUser()).isEqualTo("kafka:orders-service");
        assertThat(publisher.getGroups()).containsExactly("analysts");
        assertThat(publisher.getOrigin()).isEqualTo("kafka");
        assertThat(this.policies.publisher("someone-else")).isEmpty();
        assertThat(this.policies.publisher(null)).isEmpty();
    }

    @Test
    void invalidPoliciesAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("clearsky.security.policies.analysts.tables", "orders")))
                .rootCause().hasMessageContaining("clearsky.security.policies.analysts.databases");
        assertThatThrownBy(() -> bind(Map.of("clearsky.security.policies.analysts.databases", "main",
                "clearsky.security.policies.analysts.denied-columns", "email")))
                .rootCause().hasMessageContaining("clearsky.security.policies.analysts.denied-columns[0]")
                .hasMessageContaining("table.column");
        assertThatThrownBy(() -> bind(Map.of("clearsky.security.policies.analysts.databases", "main",
                "clearsky.security.policies.analysts.tables", "orders, finance.ledger")))
                .rootCause().hasMessageContaining("clearsky.security.policies.analysts.tables[1]")
                .hasMessageContaining("finance");
        assertThatThrownBy(() -> bind(Map.of("clearsky.security.policies.analysts.databases", "main",
                "clearsky.security.default-groups", "interns")))
                .rootCause().hasMessageContaining("clearsky.security.default-groups[0]");
        assertThatThrownBy(() -> bind(Map.of("clearsky.security.policies.analysts.databases", "main",
                "clearsky.security.kafka-publishers.billing.groups", "finance")))
                .rootCause().hasMessageContaining("clearsky.security.kafka-publishers.billing.groups[0]");
    }

    static List<TableInfo> tables() {
        return List.of(table("main", "customers", "customer_id", "name", "email", "ssn"),
                table("main", "orders", "order_id", "customer_id", "amount"),
                table("main", "secrets", "id", "value"));
    }

    private static TableInfo table(String database, String name, String... columns) {
        return new TableInfo(database, name, null,
                Arrays.stream(columns).map((column) -> new ColumnInfo(column, "VARCHAR", null, false)).toList(), 10L);
    }
}
