package io.clearsky.core.catalog;

/**
 * Table and column names written into SQL: double-quoted, so any name reads as itself in DuckDB and
 * Athena alike.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** The name between double quotes, a double quote inside it doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
