package io.clearsky.worker.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.embedding.Embeddings;
import io.clearsky.core.embedding.MiniLmEmbeddings;
import io.clearsky.core.policy.DataPolicies;
import io.clearsky.core.policy.DataPolicyProperties;
import io.clearsky.core.vector.InMemoryVectorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Retrieval with the real in-process MiniLM model over a small catalog.
 */
class HybridRetrieverTest {

    private static final Embeddings MINILM = new MiniLmEmbeddings();

    private final AtomicReference<List<TableInfo>> tables = new AtomicReference<>(List.of(
            table("customers", "People and companies who buy from us", "customer_id", "full_name", "region_id"),
            table("orders", "Customer orders, one row per order", "order_id", "customer_id", "placed_on", "status"),
            table("regions", "Sales regions", "region_id", "region_name"),
            table("suppliers", "Companies we buy stock from", "supplier_id", "company"),
            table("warehouses", "Where stock is kept", "warehouse_id", "city"),
            table("payroll", "Monthly salaries of staff", "employee_id", "month", "amount")));

    private final CountingEmbeddings embeddings = new CountingEmbeddings();

    private final HybridRetriever retriever = new HybridRetriever(new FixedCatalog(), this.embeddings,
            new InMemoryVectorIndex(384), 3, 6_000);

    @Test
    void aQuestionFindsTheTablesItIsAboutEvenWithoutTheirNames() {
        assertThat(this.retriever.retrieve("Who are our biggest buyers?", "main").tables()).extracting(TableInfo::name)
                .first().isEqualTo("customers");
        assertThat(this.retriever.retrieve("How much do we pay our staff each month?", "main").tables())
                .extracting(TableInfo::name).first().isEqualTo("payroll");
    }

    @Test
    void theJoinPartnersOfTheBestTablesComeAlong() {
        List<String> names = this.retriever.retrieve("How many orders were placed last week?", "main").tables().stream()
                .map(TableInfo::name).toList();

        assertThat(names.getFirst()).isEqualTo("orders");
        assertThat(names).contains("customers");
    }

    @Test
    void tablesBeyondTheTokenBudgetAreLeftOutButNeverTheBest() {
        List<String> columns = java.util.stream.IntStream.range(0, 200).mapToObj((i) -> "measure_" + i).toList();
        this.tables.set(List.of(table("orders", "Customer orders", columns.toArray(String[]::new)),
                table("customers", "People who buy", columns.toArray(String[]::new)),
                table("regions", "Sales regions", "region_id")));
        HybridRetriever tight = new HybridRetriever(new FixedCatalog(), this.embeddings, new InMemoryVectorIndex(384), 3,
                HybridRetriever.estimatedTokens(this.tables.get().get(0)) + 20);

        assertThat(tight.retrieve("How many orders?", "main").tables()).extracting(TableInfo::name)
                .containsExactly("orders", "regions");
    }

    @Test
    void aPrincipalIsShownOnlyTheTablesAndColumnsItMayRead() {
        DataPolicyProperties.Policy hr = new DataPolicyProperties.Policy(List.of("main"), null, List.of("payroll"), null,
                List.of("customers.full_name"));
        DataPolicies policies = new DataPolicies(new DataPolicyProperties(Map.of("sales", hr), null, null));

        List<TableInfo> shown = this.retriever.retrieve("How much do we pay our staff each month?", "main",
                policies.access(List.of("sales"))).tables();

        assertThat(shown).extracting(TableInfo::name).hasSize(3).doesNotContain("payroll");
        assertThat(shown).filteredOn((table) -> table.name().equals("customers"))
                .allSatisfy((customers) -> assertThat(customers.columns()).extracting(ColumnInfo::name)
                        .containsExactly("customer_id", "region_id"));
        assertThat(this.retriever.retrieve("Who buys from us?", "main", policies.access(List.of("nobody"))).tables()).isEmpty();
    }

    @Test
    void unchangedTablesAreNotEmbeddedAgainAfterACatalogRefresh() {
        this.retriever.retrieve("orders", "main");
        int first = this.embeddings.documents.get();
        List<TableInfo> refreshed = new ArrayList<>(this.tables.get());
        refreshed.add(table("invoices", "Bills sent to customers", "invoice_id", "customer_id"));
        this.tables.set(refreshed);

        this.retriever.retrieve("orders", "main");

        assertThat(first).isEqualTo(6);
        assertThat(this.embeddings.documents.get()).isEqualTo(7);
    }

    private static TableInfo table(String name, String comment, String... columns) {
        return new TableInfo("main", name, comment,
                java.util.Arrays.stream(columns).map((column) -> new ColumnInfo(column, "VARCHAR", null, false)).toList(), null);
    }

    private final class FixedCatalog implements Catalog {

        @Override
        public String defaultDatabase() {
            return "main";
        }

        @Override
        public List<String> databases() {
            return List.of("main");
        }

        @Override
        public List<TableInfo> tables(String database) {
            return HybridRetrieverTest.this.tables.get();
        }
    }

    /** MiniLM, counting the documents embedded in batches (questions are embedded one by one). */
    private static final class CountingEmbeddings implements Embeddings {

        private final AtomicInteger documents = new AtomicInteger();

        @Override
        public String model() {
            return MINILM.model();
        }

        @Override
        public int dimension() {
            return MINILM.dimension();
        }

        @Override
        public float[] embed(String text) {
            return MINILM.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            this.documents.addAndGet(texts.size());
            return MINILM.embedAll(texts);
        }
    }
}
