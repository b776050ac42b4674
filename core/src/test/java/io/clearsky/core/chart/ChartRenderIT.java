package io.clearsky.core.chart;

import static io.clearsky.core.chart.ChartAdvisorTest.cols;
import static io.clearsky.core.chart.ChartAdvisorTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.schemas.avro.ResultColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Draws the advisor's configurations with the real Chart.js in headless Chromium and checks each
 * canvas is painted. Screenshots land in {@code target/charts/} for people to look at. Needs Node.js,
 * Debian's chromium and {@code npm ci} in {@code src/test/js/chart-render} ({@code .ci/run} sees to all
 * three); elsewhere it is skipped, but never on CI.
 */
class ChartRenderIT {

    private static final Path SCRIPT_DIR = Path.of("src/test/js/chart-render");

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChartAdvisor advisor = new ChartAdvisor(ChartProperties.defaults(),
            new QuickChartLinks(ChartProperties.defaults()));

    @Test
    void everyKindOfChartDrawsOnACanvas() throws Exception {
        boolean ready = Files.isDirectory(SCRIPT_DIR.resolve("node_modules/chart.js"))
                && Files.isExecutable(CHROMIUM) && onPath("node");
        Assumptions.assumeTrue(ready || System.getenv("CI") != null,
                "needs node, /usr/bin/chromium and npm ci in " + SCRIPT_DIR);

        Map<String, ChartAdvice> charts = charts();
        assertThat(charts.values()).extracting(ChartAdvice::type).containsExactlyInAnyOrder(ChartAdvice.KPI,
                ChartAdvice.LINE, ChartAdvice.AREA, ChartAdvice.BAR, ChartAdvice.HORIZONTAL_BAR,
                ChartAdvice.GROUPED_BAR, ChartAdvice.STACKED_BAR, ChartAdvice.BAR_LINE, ChartAdvice.DOUGHNUT,
                ChartAdvice.PIE, ChartAdvice.SCATTER);
        Path out = Files.createDirectories(Path.of("target/charts"));
        ArrayNode input = JsonNodeFactory.instance.arrayNode();
        charts.forEach((name, advice) -> input.addObject().put("name", name)
                .set("config", JSON.readTree(advice.chartJsConfig())));
        Path configs = out.resolve("configs.json");
        Files.writeString(configs, JSON.writeValueAsString(input));

        JsonNode results = render(configs, out);

        assertThat(results.size()).isEqualTo(charts.size());
        for (JsonNode result : results) {
            String name = result.get("name").asString();
            assertThat(result.get("error").isNull()).as(name + ": " + result.get("error")).isTrue();
            // A blank canvas paints nothing; axes and labels alone paint well under 1%.
            assertThat(result.get("painted").asDouble()).as(name + " painted share").isGreaterThan(0.01);
            assertThat(result.get("colors").asInt()).as(name + " colours").isGreaterThanOrEqualTo(3);
            assertThat(out.resolve(name + ".png")).isNotEmptyFile();
        }
    }

    private Map<String, ChartAdvice> charts() {
        Map<String, ChartAdvice> charts = new LinkedHashMap<>();
        charts.put("kpi", advise(cols("revenue:double"), List.of(row(1_234_567.89)), null, null));
        List<List<Object>> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(row(String.format("2024-%02d-01", m), 1000.0 + 150 * m + ((m % 3) * 200), 40L + m));
        }
        charts.put("line", advise(cols("month:date", "revenue:double"), months.stream().map((r) -> r.subList(0, 2))
                .toList(), "Revenue per month in 2024", null));
        charts.put("area", advise(cols("month:date", "revenue:double"), months.stream().map((r) -> r.subList(0, 2))
                .toList(), "Revenue per month in 2024", "area"));
        List<List<Object>> statuses = List.of(row("shipped", 412L), row("pending", 97L), row("cancelled", 31L),
                row("returned", 12L));
        charts.put("bar", advise(cols("status:string", "orders:integer"), statuses, "How many orders per status?", null));
        charts.put("doughnut", advise(cols("status:string", "orders:integer"), statuses,
                "What share of orders has each status?", null));
        charts.put("pie", advise(cols("status:string", "orders:integer"), statuses, "Share of orders by status", "pie"));
        charts.put("horizontalBar", advise(cols("product_name:string", "units:integer"), List.of(
                row("Ergonomic office chair with headrest", 140L), row("Height-adjustable standing desk", 95L),
                row("Noise-cancelling headphones", 260L)), "Units sold per product", null));
        List<List<Object>> regions = new ArrayList<>();
        for (String region : List.of("north", "south", "east", "west")) {
            regions.add(row(region, "web", 100L + region.length() * 10));
            regions.add(row(region, "store", 60L + region.length() * 7));
        }
        charts.put("groupedBar", advise(cols("region:string", "channel:string", "orders:integer"), regions,
                "Orders per region and channel", null));
        charts.put("stackedBar", advise(cols("region:string", "channel:string", "orders:integer"), regions,
                "Orders per region and channel", "stackedBar"));
        charts.put("barLine", advise(cols("region:string", "revenue:double", "orders:integer"), List.of(
                row("north", 125_000.0, 40L), row("south", 98_000.0, 31L), row("east", 143_500.0, 52L)),
                "Revenue and orders per region", null));
        List<List<Object>> products = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            products.add(row(5.0 + i * 1.7, 400L - i * 8 + (i % 5) * 11));
        }
        charts.put("scatter", advise(cols("price:double", "units:integer"), products, "Price against units sold", null));
        return charts;
    }

    private ChartAdvice advise(List<ResultColumn> columns, List<List<Object>> rows, String question, String hint) {
        return this.advisor.advise(new ChartRequest(columns, rows, question, hint, true));
    }

    private static JsonNode render(Path configs, Path out) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "render.mjs", configs.toAbsolutePath().toString(),
                out.toAbsolutePath().toString()).directory(SCRIPT_DIR.toFile())
                .redirectError(out.resolve("render.log").toFile()).start();
        byte[] stdout = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("renderer finished").isTrue();
        assertThat(node.exitValue()).as("renderer exit code; see target/charts/render.log").isZero();
        return JSON.readTree(new String(stdout, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
    }
}
