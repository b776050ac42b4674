package io.clearsky.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.embedding.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory index and the documents it holds.
 */
class InMemoryVectorIndexTest {

    private final InMemoryVectorIndex index = new InMemoryVectorIndex(3);

    @Test
    void theMostSimilarDocumentsOfTheDatabaseComeFirst() {
        this.index.upsert(List.of(entry("main", "orders", 1, 0, 0), entry("main", "customers", 0, 1, 0),
                entry("main", "products", 0.7f, 0.7f, 0), entry("other", "orders", 1, 0, 0)));

        List<VectorIndex.Match> matches = this.index.search("main", Vectors.normalized(new float[] { 1, 0.1f, 0 }), 2);

        assertThat(matches).extracting((match) -> match.document().table()).containsExactly("orders", "products");
        assertThat(matches.getFirst().similarity()).isCloseTo(0.995, org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void anUpsertReplacesTheDocumentWithTheSameIdAndItsHashShowsItIsKnown() {
        VectorIndex.Entry first = entry("main", "orders", 1, 0, 0);
        VectorIndex.Entry changed = new VectorIndex.Entry(SchemaDocument.of("main.orders", "main", "orders", "changed"),
                Vectors.normalized(new float[] { 0, 1, 0 }));
        this.index.upsert(List.of(first));
        this.index.upsert(List.of(changed));

        assertThat(this.index.contentHashes("main")).containsExactly(changed.document().contentHash());
        assertThat(this.index.search("main", new float[] { 0, 1, 0 }, 5)).hasSize(1);
    }

    @Test
    void aVectorOfAnotherDimensionIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.index.upsert(List.of(new VectorIndex.Entry(
                SchemaDocument.of("x", "main", "x", "x"), new float[384])))).withMessageContaining("384");
    }

    @Test
    void aTableIsDescribedByAnOverviewAndByGroupsOfItsDocumentedColumns() {
        TableInfo orders = new TableInfo("main", "order_items", "Order lines", List.of(
                new ColumnInfo("order_id", "INTEGER", null, false),
                new ColumnInfo("unit_price", "DECIMAL(10,2)", "price per unit before discount", false)), 10L);

        List<SchemaDocument> documents = SchemaDocuments.of(orders);

        assertThat(documents).extracting(SchemaDocument::text).containsExactly(
                "Table order items: Order lines. Columns: order id (integer), unit price (decimal(10,2)).",
                "Table order items columns: unit price - price per unit before discount.");
        assertThat(documents).extracting(SchemaDocument::id).containsExactly("main.order_items", "main.order_items#columns-1");
    }

    private static VectorIndex.Entry entry(String database, String table, float... vector) {
        return new VectorIndex.Entry(SchemaDocument.of(database + "." + table, database, table, table),
                Vectors.normalized(vector));
    }
}
