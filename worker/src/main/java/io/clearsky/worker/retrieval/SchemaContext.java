package io.clearsky.worker.retrieval;

import io.clearsky.core.catalog.TableInfo;
import java.util.List;

/**
 * The tables judged relevant to a question, most relevant first.
 *
 * @param database the database the tables belong to
 * @param tables the relevant tables
 */
public record SchemaContext(String database, List<TableInfo> tables) {

    public SchemaContext {
        tables = List.copyOf(tables);
    }
}
