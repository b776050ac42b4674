package io.clearsky.core.catalog;

/**
 * A column of a lake table.
 *
 * @param name column name as the engine spells it
 * @param type engine type name, e.g. {@code BIGINT} or {@code varchar}
 * @param comment the documented meaning, or {@code null}
 * @param partitionKey whether the table is partitioned by this column
 */
public record ColumnInfo(String name, String type, String comment, boolean partitionKey) {
}
