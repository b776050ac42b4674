package io.clearsky.worker.execution;

import io.clearsky.schemas.avro.ResultColumn;
import java.util.List;

/**
 * Typed rows read from an engine.
 *
 * @param columns the result columns
 * @param rows at most the requested number of rows; values are Long, Double, Boolean, String or null
 * @param rowCount the total number of rows of the result
 */
public record EngineResult(List<ResultColumn> columns, List<List<Object>> rows, long rowCount) {

    public boolean truncated() {
        return this.rowCount > this.rows.size();
    }
}
