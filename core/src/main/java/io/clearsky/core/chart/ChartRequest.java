package io.clearsky.core.chart;

import io.clearsky.schemas.avro.ResultColumn;
import java.util.List;

/**
 * What the advisor looks at.
 *
 * @param columns the typed result columns
 * @param rows the rows the answer carries; values are Long, Double, Boolean, String or null
 * @param question the question asked, or null
 * @param hint the chart type the generator suggested, or null; used only when it fits the data
 * @param advanced whether stacked, area, mixed bar-line and dual-axis forms may be chosen
 * ({@code features.enable_advanced_charts})
 */
public record ChartRequest(List<ResultColumn> columns, List<List<Object>> rows, String question, String hint,
        boolean advanced) {
}
