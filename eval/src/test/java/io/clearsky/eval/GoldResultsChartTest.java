package io.clearsky.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.chart.ChartAdvice;
import io.clearsky.core.chart.ChartAdvisor;
import io.clearsky.core.chart.ChartProperties;
import io.clearsky.core.chart.ChartRequest;
import io.clearsky.core.chart.QuickChartLinks;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.worker.execution.DuckDbEngine;
import io.clearsky.worker.execution.EngineQuery;
import io.clearsky.worker.execution.EngineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every gold result of the evaluation set gets a chart configuration that Chart.js can take, or an
 * explicit no-chart with a reason. Writes the distribution of chart types to
 * {@code target/chart-distribution.json}. Skipped when the set is not beside the project.
 */
class GoldResultsChartTest {

    private static final Path SET = Path.of("../../shared/eval/dev");

    private static final Set<String> TYPES = Set.of(ChartAdvice.KPI, ChartAdvice.LINE, ChartAdvice.AREA,
            ChartAdvice.BAR, ChartAdvice.HORIZONTAL_BAR, ChartAdvice.GROUPED_BAR, ChartAdvice.STACKED_BAR,
            ChartAdvice.BAR_LINE, ChartAdvice.DOUGHNUT, ChartAdvice.PIE, ChartAdvice.SCATTER, ChartAdvice.TABLE,
            ChartAdvice.NONE);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyGoldResultGetsAValidChartOrAnExplicitNoChart() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SET.resolve("questions.jsonl")), "evaluation set not present");
        EvalSet set = EvalSet.load(SET);
        ChartProperties offline = new ChartProperties(null, null, false, null, null, null);
        ChartAdvisor advisor = new ChartAdvisor(offline, new QuickChartLinks(offline));
        Map<String, Integer> distribution = new TreeMap<>();
        List<String> invalid = new ArrayList<>();
        Map<String, List<EvalQuestion>> byDatabase = set.questions().stream()
                .collect(Collectors.groupingBy(EvalQuestion::db, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<EvalQuestion>> database : byDatabase.entrySet()) {
            try (DuckDbLake lake = DuckDbLake.load(set.database(database.getKey()))) {
                DuckDbEngine engine = new DuckDbEngine(lake, null);
                for (EvalQuestion question : database.getValue()) {
                    EngineResult result = engine.execute(
                            new EngineQuery(question.id(), 1, question.goldSql(), null, 1000, 1000), (cancel) -> { });
                    ChartAdvice advice = advisor.advise(new ChartRequest(result.columns(), result.rows(),
                            question.question(), null, true));
                    distribution.merge(advice.type(), 1, Integer::sum);
                    String problem = problem(advice);
                    if (problem != null) {
                        invalid.add(question.id() + ": " + problem);
                    }
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/chart-distribution.json"), JSON.writeValueAsString(distribution));
        System.out.println("Chart types over " + set.questions().size() + " gold results: " + distribution);

        assertThat(invalid).isEmpty();
        assertThat(distribution.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(set.questions().size());
    }

    /** What is wrong with the advice, or null. */
    private static String problem(ChartAdvice advice) {
        if (!TYPES.contains(advice.type()) || advice.reason() == null || advice.reason().isBlank()) {
            return "unknown type or no reason: " + advice;
        }
        boolean chart = !advice.type().equals(ChartAdvice.TABLE) && !advice.type().equals(ChartAdvice.NONE);
        if (!chart) {
            return (advice.chartJsConfig() == null) ? null : "a configuration for " + advice.type();
        }
        JsonNode config = JSON.readTree(advice.chartJsConfig());
        JsonNode datasets = config.at("/data/datasets");
        if (!config.path("type").isString() || !datasets.isArray() || datasets.isEmpty()) {
            return "no chart type or datasets";
        }
        JsonNode labels = config.at("/data/labels");
        for (JsonNode dataset : datasets) {
            JsonNode data = dataset.path("data");
            if (!data.isArray() || (labels.isArray() && data.size() != labels.size())) {
                return "dataset " + dataset.path("label") + " does not match the labels";
            }
            for (JsonNode value : data) {
                boolean point = value.isObject() && value.path("x").isNumber() && value.path("y").isNumber();
                if (!value.isNull() && !value.isNumber() && !point) {
                    return "a value that is not a number: " + value;
                }
            }
        }
        return null;
    }
}
