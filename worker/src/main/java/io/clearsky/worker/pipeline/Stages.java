package io.clearsky.worker.pipeline;

import io.clearsky.core.chart.ChartAdvisor;
import io.clearsky.core.guard.SqlGuard;
import io.clearsky.worker.execution.QueryEngine;
import io.clearsky.worker.generation.SqlGenerator;
import io.clearsky.worker.results.ResultStore;
import io.clearsky.worker.retrieval.SchemaRetriever;

/**
 * The stages a question goes through, one implementation each.
 *
 * @param retriever finds the relevant tables
 * @param generator writes the SQL
 * @param guard proves it safe and read-only
 * @param engine runs it
 * @param charts suggests a chart for the rows
 * @param results keeps full results beyond the answer's rows
 */
public record Stages(SchemaRetriever retriever, SqlGenerator generator, SqlGuard guard, QueryEngine engine,
        ChartAdvisor charts, ResultStore results) {
}
