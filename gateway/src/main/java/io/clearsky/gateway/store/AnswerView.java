package io.clearsky.gateway.store;

import io.clearsky.schemas.avro.ChartSuggestion;
import io.clearsky.schemas.avro.ExecutionStatistics;
import io.clearsky.schemas.avro.GenerationDetails;
import io.clearsky.schemas.avro.QueryAnswer;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The outcome of a query as the API shows it: rows, SQL, explanation and chart, or the error.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnswerView(String status, String sql, String explanation, List<ColumnView> columns,
        List<List<Object>> rows, long rowCount, boolean truncated, String resultLocation, StatisticsView statistics,
        ChartView chart, String generator, GenerationView generation, ErrorView error, Map<String, Long> stageTimingsMs,
        Instant completedAt) {

    /**
     * How the SQL was written: attempts, model calls and tokens, and what the model assumed. A declined query
     * may carry a clarifying question; one that NEEDS_CLARIFICATION carries the question and the choices.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GenerationView(int attempts, int modelCalls, long inputTokens, long outputTokens, long modelLatencyMs,
            List<String> tablesUsed, List<String> assumptions, Double confidence, String clarifyingQuestion,
            List<String> choices) {

        static GenerationView of(GenerationDetails details) {
            return (details != null) ? new GenerationView(details.getAttempts(), details.getModelCalls(),
                    details.getInputTokens(), details.getOutputTokens(), details.getModelLatencyMs(),
                    List.copyOf(details.getTablesUsed()), List.copyOf(details.getAssumptions()), details.getConfidence(),
                    details.getClarifyingQuestion(), List.copyOf(details.getChoices())) : null;
        }
    }

    /** What running the query cost; fields the engine does not report are null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StatisticsView(String engine, String executionId, Long dataScannedBytes, Long engineExecutionMs,
            Long queueMs, Double estimatedCostUsd) {

        static StatisticsView of(ExecutionStatistics statistics) {
            return (statistics != null) ? new StatisticsView(statistics.getEngine(), statistics.getExecutionId(),
                    statistics.getDataScannedBytes(), statistics.getEngineExecutionMs(), statistics.getQueueMs(),
                    statistics.getEstimatedCostUsd()) : null;
        }
    }

    /** A typed result column. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ColumnView(String name, String type, String engineType) {
    }

    /** A recommended chart; the Chart.js configuration is a JSON object, ready for {@code new Chart(canvas, config)}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChartView(String type, String reason, List<String> alternatives, JsonNode chartJsConfig,
            String quickChartUrl) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        static ChartView of(ChartSuggestion chart) {
            if (chart == null) {
                return null;
            }
            JsonNode config = (chart.getChartJsConfig() != null) ? JSON.readTree(chart.getChartJsConfig()) : null;
            return new ChartView(chart.getType(), chart.getReason(), List.copyOf(chart.getAlternatives()), config,
                    chart.getQuickChartUrl());
        }
    }

    static AnswerView of(QueryAnswer answer) {
        return new AnswerView(answer.getStatus().name(), answer.getSql(), answer.getExplanation(),
                answer.getColumns().stream().map((c) -> new ColumnView(c.getName(), c.getType(), c.getEngineType()))
                        .toList(),
                answer.getRows(), answer.getRowCount(), answer.getTruncated(), answer.getResultLocation(),
                StatisticsView.of(answer.getStatistics()), ChartView.of(answer.getChart()), answer.getGenerator(),
                GenerationView.of(answer.getGeneration()), ErrorView.of(answer.getError()),
                answer.getStageTimingsMs(), answer.getCompletedAt());
    }
}
