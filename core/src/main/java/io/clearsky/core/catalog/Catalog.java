package io.clearsky.core.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the lake's metadata. Implementations cache and are safe for concurrent readers.
 */
public interface Catalog {

    /** The database queried when a question names none. */
    String defaultDatabase();

    /** The databases (schemas) queries may be asked against, sorted by name. */
    List<String> databases();

    /** All tables of a database, sorted by name; empty when the database is unknown. */
    List<TableInfo> tables(String database);

    /** One table of a database, ignoring case. */
    default Optional<TableInfo> table(String database, String tableName) {
        return tables(database).stream().filter((table) -> table.name().equalsIgnoreCase(tableName)).findFirst();
    }
}
