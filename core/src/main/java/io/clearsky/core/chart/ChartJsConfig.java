package io.clearsky.core.chart;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes Chart.js 4 configurations as plain JSON (no functions, so QuickChart and any browser can use
 * them as they are). Large numbers are shown in thousands, millions or billions, named in the axis
 * title; animations are off so that renderings are immediate and repeatable.
 */
final class ChartJsConfig {

    /** Tableau 10: distinguishable, colour-blind considerate. */
    private static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChartJsConfig() {
    }

    /**
     * One series of values along the labels.
     *
     * @param label the legend entry
     * @param values one value per label; null leaves a gap
     * @param asLine draw this series as a line in a bar chart
     * @param secondAxis plot against the right-hand axis
     */
    record Series(String label, List<Double> values, boolean asLine, boolean secondAxis) {

        Series(String label, List<Double> values) {
            this(label, values, false, false);
        }
    }

    /**
     * How a labelled chart is drawn.
     *
     * @param type the Chart.js type: bar or line
     * @param horizontal bars along the y axis
     * @param stacked stack the series
     * @param fill fill the area under lines
     */
    record Layout(String type, boolean horizontal, boolean stacked, boolean fill) {
    }

    static String labelled(Layout layout, List<String> labels, List<Series> series, String xTitle, String yTitle,
            String y1Title, String title) {
        Scale scale = Scale.of(series.stream().filter((s) -> !s.secondAxis()).toList());
        Scale scale1 = Scale.of(series.stream().filter(Series::secondAxis).toList());
        ArrayNode datasets = NODES.arrayNode();
        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            String color = PALETTE.get(i % PALETTE.size());
            ObjectNode dataset = datasets.addObject().put("label", one.label());
            dataset.set("data", values(one.values(), one.secondAxis() ? scale1 : scale));
            dataset.put("borderColor", color).put("backgroundColor", layout.type().equals("line") && !layout.fill()
                    ? color : color + (layout.fill() ? "66" : "cc"));
            if (layout.type().equals("line") || one.asLine()) {
                dataset.put("tension", 0.2).put("pointRadius", (one.values().size() > 60) ? 0 : 3)
                        .put("spanGaps", false);
                if (layout.fill()) {
                    dataset.put("fill", "origin");
                }
                else {
                    dataset.put("fill", false);
                }
            }
            if (one.asLine()) {
                // Lower order draws later: the line stays visible over the bars.
                dataset.put("type", "line").put("order", 0);
            }
            else if (series.stream().anyMatch(Series::asLine)) {
                dataset.put("order", 1);
            }
            if (one.secondAxis()) {
                dataset.put("yAxisID", "y1");
            }
        }
        ObjectNode config = NODES.objectNode().put("type", layout.type());
        ObjectNode data = config.putObject("data");
        data.set("labels", strings(labels));
        data.set("datasets", datasets);
        ObjectNode options = options(config, title, series.size() > 1);
        String valueAxis = layout.horizontal() ? "x" : "y";
        String labelAxis = layout.horizontal() ? "y" : "x";
        if (layout.horizontal()) {
            options.put("indexAxis", "y");
        }
        ObjectNode scales = options.putObject("scales");
        axis(scales.putObject(labelAxis), xTitle).put("stacked", layout.stacked());
        axis(scales.putObject(valueAxis), scale.title(yTitle)).put("stacked", layout.stacked())
                .put("beginAtZero", !layout.type().equals("line"));
        if (y1Title != null) {
            ObjectNode right = axis(scales.putObject("y1"), scale1.title(y1Title)).put("position", "right");
            right.putObject("grid").put("drawOnChartArea", false);
        }
        return write(config);
    }

    static String scatter(List<Double> xs, List<Double> ys, String xTitle, String yTitle, String title) {
        ObjectNode config = NODES.objectNode().put("type", "scatter");
        ObjectNode dataset = config.putObject("data").putArray("datasets").addObject()
                .put("label", yTitle + " by " + xTitle).put("backgroundColor", PALETTE.get(0) + "cc")
                .put("pointRadius", (xs.size() > 500) ? 2 : 4);
        ArrayNode points = dataset.putArray("data");
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i) != null && ys.get(i) != null) {
                points.addObject().put("x", xs.get(i)).put("y", ys.get(i));
            }
        }
        ObjectNode scales = options(config, title, false).putObject("scales");
        axis(scales.putObject("x"), xTitle).put("type", "linear");
        axis(scales.putObject("y"), yTitle);
        return write(config);
    }

    static String parts(String type, List<String> labels, List<Double> values, String measure, String title) {
        ObjectNode config = NODES.objectNode().put("type", type);
        ObjectNode data = config.putObject("data");
        data.set("labels", strings(labels));
        ObjectNode dataset = data.putArray("datasets").addObject().put("label", measure);
        dataset.set("data", values(values, Scale.NONE));
        ArrayNode colors = dataset.putArray("backgroundColor");
        for (int i = 0; i < labels.size(); i++) {
            colors.add(PALETTE.get(i % PALETTE.size()));
        }
        ObjectNode plugins = (ObjectNode) options(config, title, true).get("plugins");
        plugins.putObject("legend").put("display", true).put("position", "right");
        return write(config);
    }

    /** One number, written large in the title above a single bar so that any renderer shows it. */
    static String kpi(String label, double value, String text) {
        ObjectNode config = NODES.objectNode().put("type", "bar");
        ObjectNode data = config.putObject("data");
        data.putArray("labels").add(label);
        ObjectNode dataset = data.putArray("datasets").addObject().put("label", label)
                .put("backgroundColor", PALETTE.get(0) + "cc");
        dataset.putArray("data").add(value);
        ObjectNode options = options(config, null, false);
        ObjectNode plugins = (ObjectNode) options.get("plugins");
        ObjectNode title = plugins.putObject("title").put("display", true).put("text", text);
        title.putObject("font").put("size", 40).put("weight", "bold");
        plugins.putObject("subtitle").put("display", true).put("text", label);
        options.putObject("scales").putObject("y").put("beginAtZero", true);
        return write(config);
    }

    private static ObjectNode options(ObjectNode config, String title, boolean legend) {
        ObjectNode options = config.putObject("options").put("animation", false).put("locale", "en-US");
        ObjectNode plugins = options.putObject("plugins");
        plugins.putObject("legend").put("display", legend);
        if (title != null && !title.isBlank()) {
            plugins.putObject("title").put("display", true).put("text", shorten(title, 90));
        }
        return options;
    }

    private static ObjectNode axis(ObjectNode axis, String title) {
        axis.putObject("title").put("display", title != null).put("text", (title != null) ? title : "");
        return axis;
    }

    private static ArrayNode values(List<Double> values, Scale scale) {
        ArrayNode array = NODES.arrayNode();
        for (Double value : values) {
            if (value == null || value.isNaN() || value.isInfinite()) {
                array.addNull();
            }
            else {
                array.add(scale.apply(value));
            }
        }
        return array;
    }

    private static ArrayNode strings(List<String> labels) {
        ArrayNode array = NODES.arrayNode();
        labels.forEach((label) -> array.add(shorten(label, 40)));
        return array;
    }

    private static String shorten(String text, int max) {
        return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
    }

    private static String write(ObjectNode config) {
        return MAPPER.writeValueAsString(config);
    }

    /** Values shown in thousands, millions or billions when they are that large. */
    record Scale(double divisor, String unit) {

        static final Scale NONE = new Scale(1, null);

        static Scale of(List<Series> series) {
            double max = series.stream().flatMap((s) -> s.values().stream())
                    .filter((v) -> v != null && Double.isFinite(v)).mapToDouble(Math::abs).max().orElse(0);
            if (max >= 1e9) {
                return new Scale(1e9, "billions");
            }
            if (max >= 1e6) {
                return new Scale(1e6, "millions");
            }
            return (max >= 1e4) ? new Scale(1e3, "thousands") : NONE;
        }

        double apply(double value) {
            double scaled = value / this.divisor;
            // Six significant digits are plenty for a chart and keep the JSON short.
            return (scaled == 0) ? 0 : new java.math.BigDecimal(scaled).round(new java.math.MathContext(6)).doubleValue();
        }

        String title(String title) {
            return (this.unit == null || title == null) ? title : title + " (" + this.unit + ")";
        }
    }
}
