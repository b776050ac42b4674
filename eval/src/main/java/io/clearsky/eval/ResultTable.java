package io.clearsky.eval;

import java.util.List;

/**
 * Rows of a query result with the portable type of each column ({@code integer}, {@code double},
 * {@code decimal}, {@code boolean}, {@code string}, ...), as the engine reports them.
 *
 * @param types one portable type per column
 * @param rows the rows, every value a Long, Double, Boolean, String or null
 */
public record ResultTable(List<String> types, List<List<Object>> rows) {

    public ResultTable {
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    public int columnCount() {
        return this.types.size();
    }
}
