package io.clearsky.core.vector;

import io.clearsky.core.Hashing;

/**
 * A text describing part of the schema, the unit of vector retrieval.
 *
 * @param id stable id: {@code database.table} or {@code database.table#columns-N}
 * @param database the database of the table
 * @param table the table it describes
 * @param text what is embedded
 * @param contentHash SHA-256 of the text; an unchanged document is not embedded or written again
 */
public record SchemaDocument(String id, String database, String table, String text, String contentHash) {

    public static SchemaDocument of(String id, String database, String table, String text) {
        return new SchemaDocument(id, database, table, text, Hashing.sha256Hex(text));
    }
}
