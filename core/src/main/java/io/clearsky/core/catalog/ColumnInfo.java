package io.clearsky.core.catalog;

import java.util.List;

/**
 * A column of a lake table.
 *
 * @param name column name as the engine spells it
 * @param type engine type name, e.g. {@code BIGINT} or {@code varchar}
 * @param comment the documented meaning, or {@code null}
 * @param partitionKey whether the table is partitioned by this column
 * @param samples a few distinct values, so a model sees how values are spelled ({@code 'shipped'} or
 * {@code 'SHIPPED'}); empty when the catalog does not sample
 * @param allValues whether {@code samples} holds every distinct value of the column (a small domain)
 */
public record ColumnInfo(String name, String type, String comment, boolean partitionKey, List<String> samples,
        boolean allValues) {

    public ColumnInfo {
        samples = (samples != null) ? List.copyOf(samples) : List.of();
    }

    /** Up to {@code count} of the sampled values, for prompts and documents. */
    public List<String> firstSamples(int count) {
        return this.samples.subList(0, Math.min(count, this.samples.size()));
    }

    /** A column the catalog did not sample. */
    public ColumnInfo(String name, String type, String comment, boolean partitionKey) {
        this(name, type, comment, partitionKey, List.of(), false);
    }
}
