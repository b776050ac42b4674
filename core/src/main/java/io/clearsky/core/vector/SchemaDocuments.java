package io.clearsky.core.vector;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The documents that describe a table: one with its name, comment and every column with its type and
 * sample values, and
 * one per group of documented columns, so that a column's meaning can be found even in a wide table
 * whose overview is dominated by other columns.
 */
public final class SchemaDocuments {

    static final int COLUMNS_PER_GROUP = 12;

    private SchemaDocuments() {
    }

    public static List<SchemaDocument> of(TableInfo table) {
        List<SchemaDocument> documents = new ArrayList<>();
        StringBuilder overview = new StringBuilder("Table ").append(words(table.name()));
        if (table.comment() != null && !table.comment().isBlank()) {
            overview.append(": ").append(table.comment().strip());
        }
        overview.append(". Columns: ");
        List<String> columns = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            columns.add(words(column.name()) + " (" + column.type().toLowerCase(Locale.ROOT) + samples(column) + ")");
        }
        overview.append(String.join(", ", columns)).append('.');
        String id = table.database() + "." + table.name();
        documents.add(SchemaDocument.of(id, table.database(), table.name(), overview.toString()));

        List<ColumnInfo> documented = table.columns().stream()
                .filter((column) -> column.comment() != null && !column.comment().isBlank()).toList();
        for (int group = 0; group * COLUMNS_PER_GROUP < documented.size(); group++) {
            StringBuilder text = new StringBuilder("Table ").append(words(table.name())).append(" columns: ");
            List<String> described = new ArrayList<>();
            for (ColumnInfo column : documented.subList(group * COLUMNS_PER_GROUP,
                    Math.min(documented.size(), (group + 1) * COLUMNS_PER_GROUP))) {
                described.add(words(column.name()) + " - " + column.comment().strip());
            }
            text.append(String.join("; ", described)).append('.');
            documents.add(SchemaDocument.of(id + "#columns-" + (group + 1), table.database(), table.name(), text.toString()));
        }
        return documents;
    }

    /** ", e.g. shipped, pending" or nothing. */
    static String samples(ColumnInfo column) {
        return column.samples().isEmpty() ? "" : ", e.g. " + String.join(", ", column.firstSamples(3));
    }

    /** {@code order_items} reads as "order items" to a language model. */
    static String words(String name) {
        return name.replace('_', ' ');
    }
}
