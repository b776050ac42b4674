package io.clearsky.worker.execution;

import io.clearsky.schemas.avro.ExecutionStatistics;
import io.clearsky.schemas.avro.ResultColumn;
import java.util.List;

/**
 * Typed rows read from an engine.
 *
 * @param columns the result columns
 * @param rows at most the requested number of rows; values are Long, Double, Boolean, String or null
 * @param rowCount the total number of rows of the result, when the engine knows it; else the rows read
 * @param truncated whether the result has more rows than {@code rows}
 * @param statistics what running the query cost
 * @param fullResult where the complete result is, when it is truncated and the engine kept it; else null
 */
public record EngineResult(List<ResultColumn> columns, List<List<Object>> rows, long rowCount, boolean truncated,
        ExecutionStatistics statistics, FullResult fullResult) {
}
