package io.clearsky.core.catalog;

import java.util.List;

/**
 * A lake table with its columns.
 *
 * @param database the database (schema) holding the table
 * @param name table name as the engine spells it
 * @param comment the documented meaning, or {@code null}
 * @param columns the columns in table order
 * @param estimatedRows row count when the engine knows it cheaply, else {@code null}
 */
public record TableInfo(String database, String name, String comment, List<ColumnInfo> columns, Long estimatedRows) {

    public TableInfo {
        columns = List.copyOf(columns);
    }
}
