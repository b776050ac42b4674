package io.clearsky.core.chart;

import java.util.List;

/**
 * A recommended chart, or an explicit "no chart" ({@link #NONE}) with the reason.
 *
 * @param type one of the type constants below
 * @param reason why this type, in a sentence a user can read
 * @param alternatives other types that fit the data, best first
 * @param chartJsConfig a complete Chart.js 4 configuration as JSON; null for {@link #NONE} and
 * {@link #TABLE}
 * @param quickChartUrl a QuickChart link that renders the configuration; null when there is none
 */
public record ChartAdvice(String type, String reason, List<String> alternatives, String chartJsConfig,
        String quickChartUrl) {

    public static final String KPI = "kpi";

    public static final String LINE = "line";

    public static final String AREA = "area";

    public static final String BAR = "bar";

    public static final String HORIZONTAL_BAR = "horizontalBar";

    public static final String GROUPED_BAR = "groupedBar";

    public static final String STACKED_BAR = "stackedBar";

    public static final String BAR_LINE = "barLine";

    public static final String DOUGHNUT = "doughnut";

    public static final String PIE = "pie";

    public static final String SCATTER = "scatter";

    public static final String TABLE = "table";

    public static final String NONE = "none";

    public static ChartAdvice none(String reason) {
        return new ChartAdvice(NONE, reason, List.of(), null, null);
    }

    public static ChartAdvice table(String reason) {
        return new ChartAdvice(TABLE, reason, List.of(), null, null);
    }

    ChartAdvice withUrl(String url) {
        return new ChartAdvice(this.type, this.reason, this.alternatives, this.chartJsConfig, url);
    }

    ChartAdvice withReason(String reason) {
        return new ChartAdvice(this.type, reason, this.alternatives, this.chartJsConfig, this.quickChartUrl);
    }
}
