package io.clearsky.core.chart;

import io.clearsky.core.chart.ChartJsConfig.Layout;
import io.clearsky.core.chart.ChartJsConfig.Series;
import io.clearsky.core.chart.ColumnProfile.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Chooses a chart from the shape of a result: one number is a KPI; a time axis with measures is a
 * line; categories with measures are bars (horizontal for long or many labels, grouped or stacked for
 * two categories); a few non-negative parts of a whole are a doughnut when the question asks for
 * shares; two measures are a scatter; anything else is a table. The data decides; a generator's hint
 * only picks among the types that fit. Big results are thinned or cut to their top categories for the
 * chart, never for the data.
 */
public final class ChartAdvisor {

    private static final Pattern PART_OF_WHOLE = Pattern.compile(
            "(?i)\\b(share|shares|percent\\w*|pct|proportion\\w*|fraction|distribution|breakdown|split|composition|mix)\\b");

    private static final int MAX_PARTS = 6;

    private static final int MAX_SERIES = 8;

    private static final int LONG_LABEL = 15;

    private static final int MANY_BARS = 12;

    /** Two measures this far apart in size get separate axes (advanced charts only). */
    private static final double DUAL_AXIS_RATIO = 50;

    private final ChartProperties properties;

    private final QuickChartLinks links;

    public ChartAdvisor(ChartProperties properties, QuickChartLinks links) {
        this.properties = properties;
        this.links = links;
    }

    public ChartAdvice advise(ChartRequest request) {
        if (request.rows().isEmpty() || request.columns().isEmpty()) {
            return ChartAdvice.none("The query returned no rows, so there is nothing to chart.");
        }
        Shape shape = new Shape(request, ColumnProfile.of(request.columns(), request.rows()));
        List<Candidate> candidates = candidates(shape);
        if (candidates.isEmpty()) {
            return (request.rows().size() == 1 && request.columns().size() == 1)
                    ? ChartAdvice.none("A single non-numeric value reads better as text than as a chart.")
                    : ChartAdvice.table("No column works as a chart axis with a numeric measure, so a table shows "
                            + "this result best.");
        }
        Candidate chosen = candidates.get(0);
        String note = "";
        if (request.hint() != null && !request.hint().isBlank()) {
            Candidate hinted = candidates.stream().filter((c) -> c.type().equalsIgnoreCase(request.hint().strip()))
                    .findFirst().orElse(null);
            if (hinted != null) {
                chosen = hinted;
                note = " The model suggested this type and it fits the data.";
            }
            else {
                note = " The model's suggestion \"" + request.hint().strip() + "\" does not fit this result.";
            }
        }
        List<String> alternatives = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate != chosen && !alternatives.contains(candidate.type())) {
                alternatives.add(candidate.type());
            }
        }
        alternatives.add(ChartAdvice.TABLE);
        String config = chosen.config().get();
        return new ChartAdvice(chosen.type(), chosen.reason() + note, List.copyOf(alternatives), config,
                this.links.urlFor(config));
    }

    private List<Candidate> candidates(Shape shape) {
        List<ColumnProfile> measures = shape.with(Role.MEASURE);
        List<ColumnProfile> times = shape.with(Role.TIME);
        List<ColumnProfile> categories = shape.with(Role.CATEGORY);
        List<Candidate> candidates = new ArrayList<>();
        if (measures.isEmpty()) {
            return candidates;
        }
        if (shape.rows().size() == 1) {
            candidates.add(measures.size() == 1 ? kpi(shape, measures.get(0), categories)
                    : new Candidate(ChartAdvice.BAR, "One row with " + measures.size()
                            + " measures: a bar each compares them.", () -> measureBars(shape, measures)));
            return candidates;
        }
        if (!times.isEmpty()) {
            timeCandidates(shape, times.get(0), measures, categories, candidates);
        }
        else if (!categories.isEmpty()) {
            categoryCandidates(shape, categories, measures, candidates);
        }
        if (measures.size() >= 2 && shape.rows().size() >= 3) {
            ColumnProfile x = measures.get(0);
            ColumnProfile y = measures.get(1);
            candidates.add(new Candidate(ChartAdvice.SCATTER, "Two measures, " + x.name() + " and " + y.name()
                    + ": a scatter shows how they relate.", () -> ChartJsConfig.scatter(numbers(shape.rows(), x),
                            numbers(shape.rows(), y), x.name(), y.name(), shape.title())));
        }
        return candidates;
    }

    private Candidate kpi(Shape shape, ColumnProfile measure, List<ColumnProfile> categories) {
        List<Object> row = shape.rows().get(0);
        Double value = measure.number(row);
        String label = categories.isEmpty() ? measure.name() : categories.get(0).label(row) + " — " + measure.name();
        return new Candidate(ChartAdvice.KPI, "A single value: shown as one large number.",
                () -> ChartJsConfig.kpi(label, (value != null) ? value : 0, format(value)));
    }

    private void timeCandidates(Shape shape, ColumnProfile time, List<ColumnProfile> measures,
            List<ColumnProfile> categories, List<Candidate> candidates) {
        List<List<Object>> rows = shape.sortedBy(time);
        ColumnProfile split = categories.stream().filter((c) -> c.distinct() >= 2 && c.distinct() <= MAX_SERIES)
                .findFirst().orElse(null);
        if (split != null && measures.size() == 1) {
            ColumnProfile measure = measures.get(0);
            Pivot pivot = Pivot.of(rows, time, split, measure);
            Thinned thinned = thin(pivot.labels(), pivot.series());
            String reason = "A time axis (" + time.name() + ") with " + measure.name() + " per " + split.name()
                    + ": one line per " + split.name() + "." + thinned.note();
            candidates.add(new Candidate(ChartAdvice.LINE, reason, () -> ChartJsConfig.labelled(
                    new Layout("line", false, false, false), thinned.labels(), thinned.series(), time.name(),
                    measure.name(), null, shape.title())));
            if (shape.advanced()) {
                candidates.add(new Candidate(ChartAdvice.STACKED_BAR, reason, () -> ChartJsConfig.labelled(
                        new Layout("bar", false, true, false), thinned.labels(), thinned.series(), time.name(),
                        measure.name(), null, shape.title())));
            }
            return;
        }
        List<ColumnProfile> shown = measures.subList(0, Math.min(measures.size(), MAX_SERIES));
        List<String> labels = rows.stream().map(time::label).toList();
        boolean dual = shape.advanced() && shown.size() == 2 && ratio(rows, shown.get(0), shown.get(1)) >= DUAL_AXIS_RATIO;
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            series.add(new Series(shown.get(i).name(), numbers(rows, shown.get(i)), false, dual && i == 1));
        }
        Thinned thinned = thin(labels, series);
        String measuresText = names(shown);
        String reason = "A time axis (" + time.name() + ") with " + measuresText + ": a line shows the trend."
                + (dual ? " The two measures differ in size, so each has its own axis." : "") + thinned.note();
        String y1 = dual ? shown.get(1).name() : null;
        String yTitle = dual ? shown.get(0).name() : measuresText;
        candidates.add(new Candidate(ChartAdvice.LINE, reason, () -> ChartJsConfig.labelled(
                new Layout("line", false, false, false), thinned.labels(), thinned.series(), time.name(), yTitle, y1,
                shape.title())));
        if (shape.advanced() && !dual) {
            candidates.add(new Candidate(ChartAdvice.AREA, reason, () -> ChartJsConfig.labelled(
                    new Layout("line", false, shown.size() > 1, true), thinned.labels(), thinned.series(),
                    time.name(), yTitle, null, shape.title())));
        }
        candidates.add(new Candidate(ChartAdvice.BAR, reason, () -> ChartJsConfig.labelled(
                new Layout("bar", false, false, false), thinned.labels(), thinned.series(), time.name(), yTitle, y1,
                shape.title())));
    }

    private void categoryCandidates(Shape shape, List<ColumnProfile> categories, List<ColumnProfile> measures,
            List<Candidate> candidates) {
        if (categories.size() >= 2 && measures.size() == 1) {
            List<ColumnProfile> bySize = categories.stream()
                    .sorted(Comparator.comparingInt(ColumnProfile::distinct).reversed()).toList();
            ColumnProfile outer = bySize.get(0);
            ColumnProfile inner = bySize.get(bySize.size() - 1);
            if (inner != outer && inner.distinct() >= 2 && inner.distinct() <= MAX_SERIES
                    && outer.distinct() <= this.properties.maxCategories()) {
                ColumnProfile measure = measures.get(0);
                Pivot pivot = Pivot.of(shape.rows(), outer, inner, measure);
                String reason = measure.name() + " by " + outer.name() + " and " + inner.name() + ": bars per "
                        + outer.name() + ", one colour per " + inner.name() + ".";
                Candidate grouped = new Candidate(ChartAdvice.GROUPED_BAR, reason, () -> ChartJsConfig.labelled(
                        new Layout("bar", false, false, false), pivot.labels(), pivot.series(), outer.name(),
                        measure.name(), null, shape.title()));
                Candidate stacked = new Candidate(ChartAdvice.STACKED_BAR, reason + " Stacked, the bars add up to "
                        + outer.name() + " totals.", () -> ChartJsConfig.labelled(new Layout("bar", false, true, false),
                                pivot.labels(), pivot.series(), outer.name(), measure.name(), null, shape.title()));
                candidates.add(grouped);
                if (shape.advanced() && pivot.nonNegative()) {
                    candidates.add(stacked);
                }
                return;
            }
        }
        ColumnProfile category = categories.get(0);
        List<List<Object>> rows = shape.rows();
        String cut = "";
        if (rows.size() > this.properties.maxCategories()) {
            ColumnProfile first = measures.get(0);
            rows = rows.stream().sorted(Comparator.comparing((List<Object> row) -> first.number(row),
                    Comparator.nullsLast(Comparator.reverseOrder()))).limit(this.properties.maxCategories()).toList();
            cut = " The chart shows the top " + rows.size() + " of " + shape.rows().size() + " " + category.name()
                    + " values by " + first.name() + "; the data has them all.";
        }
        List<List<Object>> shownRows = rows;
        List<String> labels = shownRows.stream().map(category::label).toList();
        boolean horizontal = category.longestLabel() > LONG_LABEL || labels.size() > MANY_BARS;
        String barType = horizontal ? ChartAdvice.HORIZONTAL_BAR : ChartAdvice.BAR;
        String note = horizontal ? " Horizontal, so the labels stay readable." : "";
        if (measures.size() == 1) {
            ColumnProfile measure = measures.get(0);
            List<Double> values = numbers(shownRows, measure);
            Candidate bars = new Candidate(barType, measure.name() + " per " + category.name() + ": bars compare them."
                    + note + cut, () -> ChartJsConfig.labelled(new Layout("bar", horizontal, false, false), labels,
                            List.of(new Series(measure.name(), values)), category.name(), measure.name(), null,
                            shape.title()));
            boolean parts = cut.isEmpty() && labels.size() >= 2 && labels.size() <= MAX_PARTS
                    && new HashSet<>(labels).size() == labels.size()
                    && values.stream().allMatch((v) -> v != null && v >= 0) && values.stream().anyMatch((v) -> v > 0);
            boolean asked = PART_OF_WHOLE.matcher(Objects.toString(shape.request().question(), "")).find()
                    || PART_OF_WHOLE.matcher(measure.name().replace('_', ' ')).find();
            Candidate doughnut = new Candidate(ChartAdvice.DOUGHNUT, "Shares of " + measure.name() + " across "
                    + labels.size() + " " + category.name() + " values: a doughnut shows the parts of the whole.",
                    () -> ChartJsConfig.parts("doughnut", labels, values, measure.name(), shape.title()));
            Candidate pie = new Candidate(ChartAdvice.PIE, doughnut.reason(),
                    () -> ChartJsConfig.parts("pie", labels, values, measure.name(), shape.title()));
            if (parts && asked) {
                candidates.addAll(List.of(doughnut, pie, bars));
            }
            else {
                candidates.add(bars);
                if (parts) {
                    candidates.addAll(List.of(doughnut, pie));
                }
            }
            return;
        }
        List<ColumnProfile> shown = measures.subList(0, Math.min(measures.size(), MAX_SERIES));
        boolean dual = shape.advanced() && shown.size() == 2
                && ratio(shownRows, shown.get(0), shown.get(1)) >= DUAL_AXIS_RATIO;
        if (dual) {
            List<Series> series = List.of(new Series(shown.get(0).name(), numbers(shownRows, shown.get(0))),
                    new Series(shown.get(1).name(), numbers(shownRows, shown.get(1)), true, true));
            candidates.add(new Candidate(ChartAdvice.BAR_LINE, shown.get(0).name() + " as bars and "
                    + shown.get(1).name() + " as a line per " + category.name()
                    + ", each on its own axis: the two differ in size." + cut, () -> ChartJsConfig.labelled(
                            new Layout("bar", false, false, false), labels, series, category.name(),
                            shown.get(0).name(), shown.get(1).name(), shape.title())));
        }
        List<Series> series = shown.stream().map((m) -> new Series(m.name(), numbers(shownRows, m))).toList();
        String reason = names(shown) + " per " + category.name() + ": grouped bars compare them." + note + cut;
        candidates.add(new Candidate(ChartAdvice.GROUPED_BAR, reason, () -> ChartJsConfig.labelled(
                new Layout("bar", horizontal, false, false), labels, series, category.name(), names(shown), null,
                shape.title())));
    }

    private String measureBars(Shape shape, List<ColumnProfile> measures) {
        List<Object> row = shape.rows().get(0);
        List<String> labels = measures.stream().map(ColumnProfile::name).toList();
        List<Double> values = measures.stream().map((m) -> m.number(row)).toList();
        return ChartJsConfig.labelled(new Layout("bar", false, false, false), labels,
                List.of(new Series("value", values)), null, "value", null, shape.title());
    }

    private Thinned thin(List<String> labels, List<Series> series) {
        int max = this.properties.maxPoints();
        if (labels.size() <= max) {
            return new Thinned(labels, series, "");
        }
        double step = (labels.size() - 1) / (double) (max - 1);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            keep.add((int) Math.round(i * step));
        }
        List<String> thinnedLabels = keep.stream().map(labels::get).toList();
        List<Series> thinnedSeries = series.stream().map((s) -> new Series(s.label(),
                keep.stream().map(s.values()::get).toList(), s.asLine(), s.secondAxis())).toList();
        return new Thinned(thinnedLabels, thinnedSeries, " The chart draws " + max + " of the " + labels.size()
                + " points, evenly spaced; the data has them all.");
    }

    private static double ratio(List<List<Object>> rows, ColumnProfile a, ColumnProfile b) {
        double maxA = rows.stream().map(a::number).filter(Objects::nonNull).mapToDouble(Math::abs).max().orElse(0);
        double maxB = rows.stream().map(b::number).filter(Objects::nonNull).mapToDouble(Math::abs).max().orElse(0);
        if (maxA == 0 || maxB == 0) {
            return 1;
        }
        return Math.max(maxA, maxB) / Math.min(maxA, maxB);
    }

    private static List<Double> numbers(List<List<Object>> rows, ColumnProfile column) {
        return rows.stream().map(column::number).toList();
    }

    private static String names(List<ColumnProfile> columns) {
        List<String> names = columns.stream().map(ColumnProfile::name).toList();
        return (names.size() <= 2) ? String.join(" and ", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String format(Double value) {
        if (value == null) {
            return "—";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format("%,d", value.longValue());
        }
        double magnitude = Math.abs(value);
        return (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e15)) ? String.format("%.4g", value)
                : String.format("%,.2f", value);
    }

    private record Candidate(String type, String reason, Supplier<String> config) {
    }

    private record Thinned(List<String> labels, List<Series> series, String note) {
    }

    /** The request and its column profiles. */
    private record Shape(ChartRequest request, List<ColumnProfile> profiles) {

        List<List<Object>> rows() {
            return this.request.rows();
        }

        boolean advanced() {
            return this.request.advanced();
        }

        String title() {
            return this.request.question();
        }

        List<ColumnProfile> with(Role role) {
            return this.profiles.stream().filter((p) -> p.is(role)).toList();
        }

        /** Rows in time order; years sort as numbers, ISO dates and timestamps as text. */
        List<List<Object>> sortedBy(ColumnProfile time) {
            Comparator<Object> natural = (a, b) -> (a instanceof Long x && b instanceof Long y) ? Long.compare(x, y)
                    : a.toString().compareTo(b.toString());
            return rows().stream().sorted(Comparator.comparing((List<Object> row) -> row.get(time.index()),
                    Comparator.nullsLast(natural))).toList();
        }
    }

    /** A measure spread over two label columns: one series per value of the second. */
    private record Pivot(List<String> labels, List<Series> series) {

        static Pivot of(List<List<Object>> rows, ColumnProfile outer, ColumnProfile inner, ColumnProfile measure) {
            LinkedHashSet<String> labels = new LinkedHashSet<>();
            Map<String, Map<String, Double>> byInner = new LinkedHashMap<>();
            for (List<Object> row : rows) {
                String label = outer.label(row);
                labels.add(label);
                Map<String, Double> values = byInner.computeIfAbsent(inner.label(row), (k) -> new LinkedHashMap<>());
                Double value = measure.number(row);
                if (value != null) {
                    values.merge(label, value, Double::sum);
                }
            }
            List<Series> series = byInner.entrySet().stream().map((entry) -> new Series(entry.getKey(),
                    labels.stream().map((label) -> entry.getValue().get(label)).toList())).toList();
            return new Pivot(List.copyOf(labels), series);
        }

        boolean nonNegative() {
            return this.series.stream().flatMap((s) -> s.values().stream()).allMatch((v) -> v == null || v >= 0);
        }
    }
}
