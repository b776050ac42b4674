package io.clearsky.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scores of one run, in the report's layout.
 *
 * @param set the evaluation set's name
 * @param generator the generator measured
 * @param questions questions asked
 * @param answered questions answered with an executed query
 * @param correct answers whose result equals a gold result
 * @param coverage answered / questions
 * @param precision correct / answered
 * @param executionAccuracy correct / questions
 * @param retrievalRecallAt5 share of the gold query's tables among the first five retrieved, averaged
 * @param latencyMs percentiles of the per-question latency
 * @param outcomes how many questions ended each way: verified, composed, declined, clarification, failed
 * @param unanswerable questions without an answer, and how many of them were declined or clarified
 * @param byCategory the same scores per kind of question ({@code unrated} when the set gives none)
 * @param bySource the same scores per source
 * @param byHardness the same scores per Spider difficulty ({@code unrated} for the others)
 * @param byKind the same scores per kind of question: the set's category, else {@code spider-} and the difficulty
 * @param byDatabase the same scores per database
 * @param byAnswer the answers composed by the generator and those taken from verified questions, apart
 * @param items every question's outcome
 */
public record EvalReport(String set, String generator, int questions, int answered, int correct, double coverage,
        double precision, double executionAccuracy, @JsonProperty("retrieval_recall_at_5") double retrievalRecallAt5,
        Latency latencyMs, Map<String, Integer> outcomes, Unanswerable unanswerable,
        Map<String, Scores> bySource, Map<String, Scores> byHardness, Map<String, Scores> byCategory,
        Map<String, Scores> byKind, Map<String, Scores> byDatabase, Map<String, Scores> byAnswer,
        List<EvalItem> items) {

    /**
     * The questions that have no answer in their database.
     *
     * @param questions how many
     * @param declined how many were declined or answered with a clarifying question (the right outcome)
     */
    public record Unanswerable(int questions, int declined) {
    }

    /** Latency percentiles in milliseconds. */
    public record Latency(double p50, double p95) {
    }

    /** Scores of a group of questions. */
    public record Scores(int questions, int answered, int correct, double coverage, double precision,
            double executionAccuracy) {

        static Scores of(List<EvalItem> items) {
            int answered = (int) items.stream().filter(EvalItem::answered).count();
            int correct = (int) items.stream().filter(EvalItem::correct).count();
            return new Scores(items.size(), answered, correct, ratio(answered, items.size()), ratio(correct, answered),
                    ratio(correct, items.size()));
        }
    }

    /**
     * The report of {@code items}; {@code recallsAt5} holds one retrieval recall per question whose
     * gold query reads tables.
     */
    static EvalReport of(String set, String generator, List<EvalItem> items, List<Double> recallsAt5) {
        Scores all = Scores.of(items);
        double retrievalRecallAt5 = round(recallsAt5.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        List<Double> latencies = items.stream().map(EvalItem::latencyMs).sorted().toList();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (EvalItem.Outcome outcome : EvalItem.Outcome.values()) {
            outcomes.put(outcome.name().toLowerCase(java.util.Locale.ROOT),
                    (int) items.stream().filter((item) -> item.outcome() == outcome).count());
        }
        Unanswerable unanswerable = new Unanswerable((int) items.stream().filter((item) -> !item.answerable()).count(),
                (int) items.stream().filter(EvalItem::declinedUnanswerable).count());
        return new EvalReport(set, generator, all.questions(), all.answered(), all.correct(), all.coverage(),
                all.precision(), all.executionAccuracy(), retrievalRecallAt5,
                new Latency(percentile(latencies, 50), percentile(latencies, 95)), outcomes, unanswerable,
                group(items, EvalItem::source), group(items, (item) -> (item.hardness() != null) ? item.hardness() : "unrated"),
                group(items, (item) -> (item.category() != null) ? item.category() : "unrated"),
                group(items, EvalReport::kind), group(items, EvalItem::db), answers(items), items);
    }

    private static String kind(EvalItem item) {
        if (item.category() != null) {
            return item.category();
        }
        return (item.hardness() != null) ? item.source() + "-" + item.hardness() : "unrated";
    }

    private static Map<String, Scores> answers(List<EvalItem> items) {
        Map<String, Scores> answers = new LinkedHashMap<>();
        for (EvalItem.Outcome outcome : List.of(EvalItem.Outcome.COMPOSED, EvalItem.Outcome.VERIFIED)) {
            answers.put(outcome.name().toLowerCase(java.util.Locale.ROOT),
                    Scores.of(items.stream().filter((item) -> item.outcome() == outcome).toList()));
        }
        return answers;
    }

    private static Map<String, Scores> group(List<EvalItem> items, Function<EvalItem, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, (entry) -> Scores.of(entry.getValue()), (a, b) -> a,
                        LinkedHashMap::new));
    }

    static double ratio(int part, int whole) {
        return (whole == 0) ? 0 : round((double) part / whole);
    }

    /** Four decimals are plenty for a share and keep the report readable. */
    private static double round(double share) {
        return Math.round(10_000.0 * share) / 10_000.0;
    }

    private static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
