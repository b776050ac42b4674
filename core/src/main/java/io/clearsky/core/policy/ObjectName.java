package io.clearsky.core.policy;

import java.util.Optional;

/**
 * A table or column named in a policy, with or without its database, in lower case.
 *
 * @param database the database, or {@code null} for the name in every database of the policy
 * @param table the table
 * @param column the column, or {@code null} when the name is a table's
 */
record ObjectName(String database, String table, String column) {

    /** Reads {@code table}/{@code database.table} ({@code parts} 1) or {@code table.column}/{@code database.table.column} (2). */
    static Optional<ObjectName> parse(String text, int parts) {
        String[] names = text.split("\\.", -1);
        for (String name : names) {
            if (name.isBlank()) {
                return Optional.empty();
            }
        }
        if (names.length == parts) {
            return Optional.of(new ObjectName(null, names[0], (parts == 2) ? names[1] : null));
        }
        if (names.length == parts + 1) {
            return Optional.of(new ObjectName(names[0], names[1], (parts == 2) ? names[2] : null));
        }
        return Optional.empty();
    }

    static String form(int parts) {
        return (parts == 1) ? "table or database.table" : "table.column or database.table.column";
    }

    boolean namesTable(String database, String table) {
        return (this.database == null || this.database.equals(database)) && this.table.equals(table);
    }

    boolean namesColumn(String database, String table, String column) {
        return namesTable(database, table) && this.column.equals(column);
    }
}
