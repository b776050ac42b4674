package io.clearsky.worker.generation.offline;

import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.ModelUsage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers a question from a semantic model without calling any language model: a verified question asked
 * again is answered from its checked SQL; any other is read into a query over the model's metrics,
 * dimensions, time dimensions and segments and compiled to SQL. A word the model does not know declines
 * the question, saying which words and what the model does know; a phrase or join that fits two objects
 * equally asks which one is meant.
 */
public final class ModelReader {

    /** How an answer taken from a verified question is marked in {@code assumptions}. */
    public static final String VERIFIED = "Answered from the verified question: ";

    private final Clock clock;

    public ModelReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads {@code question} over {@code model}, with the catalog {@code tables} at hand for value lists and
     * column types.
     *
     * @return the SQL, a refusal that says what is not understood, or a clarifying question
     */
    public Generation read(String question, SemanticModel model, List<TableInfo> tables, int maxRows) {
        String asked = question.lines().findFirst().orElse("").strip();
        for (VerifiedQuery verified : model.verifiedQueries()) {
            if (normalised(verified.question()).equals(normalised(asked))) {
                return new Generation.Sql(verified.sql(), "The checked SQL of the verified question \"" + verified.question()
                        + "\".", List.of(), List.of(VERIFIED + verified.question()), null, 1.0, ModelUsage.NONE);
            }
        }
        Lexicon lexicon = new Lexicon(model, tables);
        QuestionReader.Result result = new QuestionReader(lexicon, LocalDate.now(this.clock)).read(asked);
        return switch (result) {
            case QuestionReader.Read read -> compiled(read.query(), model, maxRows);
            case QuestionReader.Unknown unknown -> new Generation.CannotAnswer("I did not understand "
                    + unknown.words().stream().map((word) -> "'" + word + "'").collect(Collectors.joining(", "))
                    + ". " + knows(model), null, ModelUsage.NONE);
            case QuestionReader.Ambiguous ambiguous -> new Generation.Clarification("'" + ambiguous.phrase()
                    + "' fits " + String.join(", ", ambiguous.choices()) + " equally well.", "By '" + ambiguous.phrase()
                    + "', do you mean " + String.join(" or ", ambiguous.choices()) + "?", ambiguous.choices(), ModelUsage.NONE);
            case QuestionReader.Unsupported unsupported -> new Generation.CannotAnswer("I understood every word but not "
                    + unsupported.reason() + ". " + knows(model), null, ModelUsage.NONE);
        };
    }

    /** Whether a generation is this reader declining because the question has a shape it does not read. */
    public static boolean declined(Generation generation) {
        return generation instanceof Generation.CannotAnswer;
    }

    private static Generation compiled(Query query, SemanticModel model, int maxRows) {
        try {
            String sql = new SqlCompiler(model).compile(query, maxRows);
            return new Generation.Sql(sql, explanation(query), List.of(), assumptions(query), chart(query), null,
                    ModelUsage.NONE);
        }
        catch (SqlCompiler.CompileException ex) {
            if (!ex.choices().isEmpty()) {
                return new Generation.Clarification("The question can be answered in " + ex.choices().size() + " ways: "
                        + ex.getMessage() + ".", "Do you mean " + String.join(" or ", ex.choices()) + "?", ex.choices(),
                        ModelUsage.NONE);
            }
            return new Generation.CannotAnswer("I understood the question but cannot join it up: " + ex.getMessage() + ". "
                    + knows(model), null, ModelUsage.NONE);
        }
    }

    private static String explanation(Query query) {
        StringBuilder text = new StringBuilder();
        if (query.rankBy() != null) {
            text.append("The ").append(query.limit()).append(' ').append(query.groupBy().get(0).label())
                    .append(" rows with the ").append(query.order().descending() ? "highest " : "lowest ")
                    .append(query.rankBy().name());
        }
        else {
            text.append(query.metrics().stream().map(Metric::name).collect(Collectors.joining(", ")));
            List<String> by = new ArrayList<>();
            if (query.timeGrain() != null) {
                by.add(query.timeGrain().name().toLowerCase(java.util.Locale.ROOT) + " of " + query.time().name());
            }
            query.groupBy().forEach((group) -> by.add(group.label()));
            if (!by.isEmpty()) {
                text.append(" by ").append(String.join(" and ", by));
            }
            if (query.order() != null) {
                text.append(", ").append(query.order().descending() ? "highest" : "lowest").append(" first")
                        .append((query.limit() != null) ? ", top " + query.limit() : "");
            }
        }
        for (Query.Filter filter : query.filters()) {
            text.append(switch (filter) {
                case Query.ValueFilter value -> ", " + value.dimension().name() + (value.negated() ? " not " : " ")
                        + String.join(" or ", value.values());
                case Query.SegmentFilter segment -> ", " + segment.segment().name() + " only";
                case Query.Comparison comparison -> ", " + comparison.dimension().name() + " " + comparison.operator() + " "
                        + comparison.number();
                case Query.Period period -> ", " + query.time().name() + " from " + period.range().from()
                        + ((period.range().to() != null) ? " up to (not including) " + period.range().to() : " on");
                case Query.NothingPointing nothing -> ", " + nothing.entity().name() + " rows without any "
                        + nothing.other().name();
            });
        }
        return text.append('.').toString();
    }

    private static List<String> assumptions(Query query) {
        List<String> assumptions = new ArrayList<>();
        assumptions.add("Composed from the semantic model: " + query.metrics().stream().map(Metric::name)
                .collect(Collectors.joining(", ")));
        if (query.time() != null) {
            assumptions.add("Dates are " + query.time().name());
        }
        return assumptions;
    }

    private static String chart(Query query) {
        if (query.timeGrain() != null) {
            return "line";
        }
        return query.groupBy().isEmpty() ? null : "bar";
    }

    /** What the model knows, for a refusal: its metrics and the attributes to group by. */
    static String knows(SemanticModel model) {
        Set<String> metrics = new LinkedHashSet<>();
        model.metrics().stream().filter((metric) -> !metric.name().matches("(total|average|minimum|maximum) .*"))
                .limit(8).forEach((metric) -> metrics.add(metric.name()));
        model.metrics().stream().limit(12 - metrics.size()).forEach((metric) -> metrics.add(metric.name()));
        Set<String> by = new LinkedHashSet<>();
        model.dimensions().stream().filter((dimension) -> dimension.indexedValues()).map(Dimension::name).limit(8)
                .forEach(by::add);
        if (!model.timeDimensions().isEmpty()) {
            by.add("day, month, quarter or year");
        }
        return "I know " + String.join(", ", metrics) + (by.isEmpty() ? "" : " … by " + String.join(", ", by)) + ".";
    }

    /** A question as compared with verified ones: lower case, words only. */
    static String normalised(String question) {
        return String.join(" ", Words.of(question));
    }
}
