package io.clearsky.core.catalog;

import java.util.List;
import java.util.function.Predicate;

/**
 * A lake table with its columns.
 *
 * @param database the database (schema) holding the table
 * @param name table name as the engine spells it
 * @param comment the documented meaning, or {@code null}
 * @param columns the columns in table order
 * @param estimatedRows row count when the engine knows it cheaply, else {@code null}
 * @param primaryKey the declared primary key's columns; empty when the engine declares none (Athena, or a
 * table created without one)
 * @param foreignKeys the declared foreign keys; empty when the engine declares none
 */
public record TableInfo(String database, String name, String comment, List<ColumnInfo> columns, Long estimatedRows,
        List<String> primaryKey, List<ForeignKey> foreignKeys) {

    public TableInfo {
        columns = List.copyOf(columns);
        primaryKey = (primaryKey != null) ? List.copyOf(primaryKey) : List.of();
        foreignKeys = (foreignKeys != null) ? List.copyOf(foreignKeys) : List.of();
    }

    /** A table whose keys the catalog does not know. */
    public TableInfo(String database, String name, String comment, List<ColumnInfo> columns, Long estimatedRows) {
        this(database, name, comment, columns, estimatedRows, List.of(), List.of());
    }

    /**
     * The same table with only {@code kept} of its columns; a key survives only when all its columns do, so
     * a hidden column is never named by a key either.
     */
    public TableInfo withColumns(List<ColumnInfo> kept) {
        Predicate<List<String>> allKept = (names) -> names.stream()
                .allMatch((name) -> kept.stream().anyMatch((column) -> column.name().equalsIgnoreCase(name)));
        return new TableInfo(this.database, this.name, this.comment, kept, this.estimatedRows,
                allKept.test(this.primaryKey) ? this.primaryKey : List.of(),
                this.foreignKeys.stream().filter((key) -> allKept.test(key.columns())).toList());
    }

    /** The column of this name, ignoring case; null when there is none. */
    public ColumnInfo column(String columnName) {
        return this.columns.stream().filter((column) -> column.name().equalsIgnoreCase(columnName)).findFirst()
                .orElse(null);
    }

    /**
     * A declared foreign key: these columns of the table equal the referenced columns of another table.
     *
     * @param columns the referencing columns
     * @param referencedTable the table referenced
     * @param referencedColumns its columns, in the same order
     */
    public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {

        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }
}
