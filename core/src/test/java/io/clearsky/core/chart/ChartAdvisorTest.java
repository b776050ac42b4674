package io.clearsky.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.schemas.avro.ResultColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChartAdvisorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChartAdvisor advisor = new ChartAdvisor(ChartProperties.defaults(),
            new QuickChartLinks(ChartProperties.defaults()));

    @Test
    void oneNumberIsAKpi() {
        ChartAdvice advice = advise(cols("orders:integer"), rows(row(1_234_567L)));

        assertThat(advice.type()).isEqualTo(ChartAdvice.KPI);
        assertThat(config(advice).at("/options/plugins/title/text").asString()).isEqualTo("1,234,567");
        assertThat(advice.quickChartUrl()).startsWith("https://quickchart.io/chart?v=4&w=600&h=360&bkg=white&c=");
    }

    @Test
    void aSingleTextValueGetsNoChart() {
        ChartAdvice advice = advise(cols("name:string"), rows(row("Ada")));

        assertThat(advice.type()).isEqualTo(ChartAdvice.NONE);
        assertThat(advice.chartJsConfig()).isNull();
        assertThat(advice.reason()).contains("single non-numeric value");
    }

    @Test
    void anEmptyResultGetsNoChart() {
        ChartAdvice advice = advise(cols("status:string", "n:integer"), List.of());

        assertThat(advice.type()).isEqualTo(ChartAdvice.NONE);
        assertThat(advice.reason()).contains("no rows");
    }

    @Test
    void aTimeAxisWithAMeasureIsALineInTimeOrder() {
        ChartAdvice advice = advise(cols("month:date", "revenue:double"),
                rows(row("2024-03-01", 30.0), row("2024-01-01", 10.0), row("2024-02-01", null)));

        assertThat(advice.type()).isEqualTo(ChartAdvice.LINE);
        JsonNode config = config(advice);
        assertThat(config.at("/data/labels").toString()).isEqualTo("[\"2024-01-01\",\"2024-02-01\",\"2024-03-01\"]");
        assertThat(config.at("/data/datasets/0/data").toString()).isEqualTo("[10.0,null,30.0]");
        assertThat(config.at("/options/scales/x/title/text").asString()).isEqualTo("month");
        assertThat(config.at("/options/scales/y/title/text").asString()).isEqualTo("revenue");
    }

    @Test
    void yearsAndIsoDateTextAreTimeAxesToo() {
        assertThat(advise(cols("order_year:integer", "orders:integer"), rows(row(2023L, 5L), row(2024L, 7L))).type())
                .isEqualTo(ChartAdvice.LINE);
        assertThat(advise(cols("day:string", "orders:integer"), rows(row("2024-01-01", 5L), row("2024-01-02", 7L)))
                .type()).isEqualTo(ChartAdvice.LINE);
    }

    @Test
    void aLowCardinalityCategoryOverTimeGetsOneLineEach() {
        ChartAdvice advice = advise(cols("month:date", "channel:string", "orders:integer"), rows(
                row("2024-01-01", "web", 5L), row("2024-01-01", "store", 3L),
                row("2024-02-01", "web", 6L), row("2024-02-01", "store", 4L)));

        assertThat(advice.type()).isEqualTo(ChartAdvice.LINE);
        JsonNode datasets = config(advice).at("/data/datasets");
        assertThat(datasets.size()).isEqualTo(2);
        assertThat(datasets.get(0).get("label").asString()).isEqualTo("web");
        assertThat(datasets.get(1).get("data").toString()).isEqualTo("[3.0,4.0]");
    }

    @Test
    void aCategoryWithAMeasureIsABarChart() {
        ChartAdvice advice = advise(cols("status:string", "orders:integer"),
                rows(row("shipped", 40L), row("pending", 12L), row("cancelled", -3L)));

        assertThat(advice.type()).isEqualTo(ChartAdvice.BAR);
        assertThat(config(advice).at("/options/indexAxis").isMissingNode()).isTrue();
        assertThat(config(advice).at("/data/datasets/0/data").toString()).isEqualTo("[40.0,12.0,-3.0]");
        assertThat(advice.alternatives()).doesNotContain(ChartAdvice.DOUGHNUT).contains(ChartAdvice.TABLE);
    }

    @Test
    void longLabelsMakeTheBarsHorizontal() {
        ChartAdvice advice = advise(cols("product_name:string", "units:integer"),
                rows(row("Ergonomic office chair with headrest", 4L), row("Standing desk", 9L)));

        assertThat(advice.type()).isEqualTo(ChartAdvice.HORIZONTAL_BAR);
        assertThat(config(advice).at("/options/indexAxis").asString()).isEqualTo("y");
    }

    @Test
    void fewPartsOfAWholeAreADoughnutWhenSharesAreAskedFor() {
        List<ResultColumn> columns = cols("channel:string", "orders:integer");
        List<List<Object>> rows = rows(row("web", 50L), row("store", 30L), row("phone", 20L));

        ChartAdvice shares = advise(columns, rows, "What share of orders comes from each channel?", null, true);
        ChartAdvice plain = advise(columns, rows, "How many orders per channel?", null, true);

        assertThat(shares.type()).isEqualTo(ChartAdvice.DOUGHNUT);
        assertThat(config(shares).at("/data/datasets/0/backgroundColor").size()).isEqualTo(3);
        assertThat(plain.type()).isEqualTo(ChartAdvice.BAR);
        assertThat(plain.alternatives()).contains(ChartAdvice.DOUGHNUT, ChartAdvice.PIE);
    }

    @Test
    void negativeValuesOrManyPartsAreNeverAPie() {
        ChartAdvice negative = advise(cols("region:string", "profit_share:double"),
                rows(row("north", 0.5), row("south", -0.2)), "share of profit", null, true);
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            many.add(row("r" + i, 1.0 + i));
        }
        ChartAdvice tooMany = advise(cols("region:string", "share:double"), many, "share by region", null, true);

        assertThat(negative.type()).isEqualTo(ChartAdvice.BAR);
        assertThat(negative.alternatives()).doesNotContain(ChartAdvice.PIE, ChartAdvice.DOUGHNUT);
        assertThat(tooMany.type()).isEqualTo(ChartAdvice.BAR);
    }

    @Test
    void twoCategoriesAreGroupedAndStackedWhenAdvancedChartsAreOn() {
        List<ResultColumn> columns = cols("region:string", "channel:string", "orders:integer");
        List<List<Object>> rows = rows(row("north", "web", 5L), row("north", "store", 2L), row("south", "web", 7L),
                row("south", "store", 1L), row("east", "web", 3L), row("east", "store", 4L));

        ChartAdvice advanced = advise(columns, rows, null, null, true);
        ChartAdvice basic = advise(columns, rows, null, null, false);

        assertThat(advanced.type()).isEqualTo(ChartAdvice.GROUPED_BAR);
        assertThat(advanced.alternatives()).contains(ChartAdvice.STACKED_BAR);
        assertThat(basic.alternatives()).doesNotContain(ChartAdvice.STACKED_BAR);
        JsonNode config = config(advanced);
        assertThat(config.at("/data/labels").size()).isEqualTo(3);
        assertThat(config.at("/data/datasets").size()).isEqualTo(2);
    }

    @Test
    void twoMeasuresOfVeryDifferentSizeGetTwoAxesOnlyWithAdvancedCharts() {
        List<ResultColumn> columns = cols("region:string", "revenue:double", "orders:integer");
        List<List<Object>> rows = rows(row("north", 125_000.0, 40L), row("south", 98_000.0, 31L));

        ChartAdvice advanced = advise(columns, rows, null, null, true);
        ChartAdvice basic = advise(columns, rows, null, null, false);

        assertThat(advanced.type()).isEqualTo(ChartAdvice.BAR_LINE);
        JsonNode config = config(advanced);
        assertThat(config.at("/data/datasets/1/type").asString()).isEqualTo("line");
        assertThat(config.at("/data/datasets/1/yAxisID").asString()).isEqualTo("y1");
        assertThat(config.at("/options/scales/y/title/text").asString()).isEqualTo("revenue (thousands)");
        assertThat(basic.type()).isEqualTo(ChartAdvice.GROUPED_BAR);
    }

    @Test
    void twoMeasuresWithoutLabelsAreAScatter() {
        ChartAdvice advice = advise(cols("price:double", "units:integer"),
                rows(row(9.5, 100L), row(19.0, 40L), row(4.0, 250L), row(null, 3L)));

        assertThat(advice.type()).isEqualTo(ChartAdvice.SCATTER);
        assertThat(config(advice).at("/data/datasets/0/data").size()).isEqualTo(3);
    }

    @Test
    void textOnlyResultsAreATable() {
        ChartAdvice advice = advise(cols("name:string", "email:string"), rows(row("Ada", "a@x"), row("Bo", "b@x")));

        assertThat(advice.type()).isEqualTo(ChartAdvice.TABLE);
        assertThat(advice.chartJsConfig()).isNull();
    }

    @Test
    void identifiersAreLabelsNotMeasures() {
        ChartAdvice advice = advise(cols("customer_id:integer", "orders:integer"),
                rows(row(17L, 4L), row(23L, 9L)));

        assertThat(advice.type()).isEqualTo(ChartAdvice.BAR);
        assertThat(config(advice).at("/data/labels").toString()).isEqualTo("[\"17\",\"23\"]");
    }

    @Test
    void thousandsOfCategoriesAreCutToTheTopOnesForTheChartOnly() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(row("customer " + i, (double) i));
        }
        ChartAdvice advice = advise(cols("customer:string", "spend:double"), rows);

        assertThat(advice.type()).isEqualTo(ChartAdvice.HORIZONTAL_BAR);
        assertThat(config(advice).at("/data/labels").size()).isEqualTo(30);
        assertThat(config(advice).at("/data/labels/0").asString()).isEqualTo("customer 1999");
        assertThat(advice.reason()).contains("top 30 of 2000");
        assertThat(rows).hasSize(2_000);
    }

    @Test
    void longSeriesAreThinnedForTheChartOnly() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(row(String.format("2020-01-01T%02d:%02d:00", (i / 60) % 24, i % 60) + "Z" + i, (double) i));
        }
        ChartAdvice advice = advise(cols("at:timestamp", "load:double"), rows);

        assertThat(advice.type()).isEqualTo(ChartAdvice.LINE);
        assertThat(config(advice).at("/data/labels").size()).isEqualTo(500);
        assertThat(advice.reason()).contains("500 of the 5000 points");
    }

    @Test
    void hugeAndTinyNumbersStayReadable() {
        ChartAdvice huge = advise(cols("country:string", "gdp:double"),
                rows(row("A", 2.5e12), row("B", 8.1e11)));
        ChartAdvice tiny = advise(cols("sensor:string", "drift:double"), rows(row("s1", 2.5e-9), row("s2", 1.0e-9)));

        assertThat(config(huge).at("/options/scales/y/title/text").asString()).isEqualTo("gdp (billions)");
        assertThat(config(huge).at("/data/datasets/0/data").toString()).isEqualTo("[2500.0,810.0]");
        assertThat(config(tiny).at("/data/datasets/0/data").toString()).isEqualTo("[2.5E-9,1.0E-9]");
        assertThat(advise(cols("x:double"), rows(row(3.2e-7))).chartJsConfig()).contains("3.200e-07");
    }

    @Test
    void decimalsAsTextArePlottedAsNumbers() {
        ChartAdvice advice = advise(cols("region:string", "total:decimal"), rows(row("north", "1234.50"), row("south", "99.95")));

        assertThat(config(advice).at("/data/datasets/0/data").toString()).isEqualTo("[1234.5,99.95]");
    }

    @Test
    void aModelHintIsFollowedOnlyWhenItFits() {
        List<ResultColumn> columns = cols("channel:string", "orders:integer");
        List<List<Object>> rows = rows(row("web", 50L), row("store", 30L));

        ChartAdvice fits = advise(columns, rows, "orders per channel", "pie", true);
        ChartAdvice misfit = advise(columns, rows, "orders per channel", "scatter", true);

        assertThat(fits.type()).isEqualTo(ChartAdvice.PIE);
        assertThat(fits.reason()).contains("model suggested");
        assertThat(misfit.type()).isEqualTo(ChartAdvice.BAR);
        assertThat(misfit.reason()).contains("\"scatter\" does not fit");
    }

    @Test
    void longConfigurationsGetNoPlainUrlWhenShortLinksAreOff() {
        ChartProperties offline = new ChartProperties(null, 200, false, null, null, null);
        ChartAdvisor advisor = new ChartAdvisor(offline, new QuickChartLinks(offline));

        ChartAdvice advice = advisor.advise(new ChartRequest(cols("status:string", "orders:integer"),
                rows(row("shipped", 40L), row("pending", 12L)), null, null, true));

        assertThat(advice.chartJsConfig()).isNotNull();
        assertThat(advice.quickChartUrl()).isNull();
    }

    private ChartAdvice advise(List<ResultColumn> columns, List<List<Object>> rows) {
        return advise(columns, rows, null, null, true);
    }

    private ChartAdvice advise(List<ResultColumn> columns, List<List<Object>> rows, String question, String hint,
            boolean advanced) {
        return this.advisor.advise(new ChartRequest(columns, rows, question, hint, advanced));
    }

    static JsonNode config(ChartAdvice advice) {
        return JSON.readTree(advice.chartJsConfig());
    }

    static List<ResultColumn> cols(String... specs) {
        return Arrays.stream(specs).map((spec) -> spec.split(":"))
                .map((parts) -> ResultColumn.newBuilder().setName(parts[0]).setType(parts[1]).build()).toList();
    }

    static List<List<Object>> rows(List<Object>... rows) {
        return List.of(rows);
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
