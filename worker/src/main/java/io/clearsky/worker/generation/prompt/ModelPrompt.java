package io.clearsky.worker.generation.prompt;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.MetricType;
import io.clearsky.core.semantic.SemanticModel.Relationship;
import io.clearsky.core.semantic.SemanticModel.Segment;
import io.clearsky.core.semantic.SemanticModel.TimeDimension;
import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the parts of a semantic model that concern the retrieved tables: the entity a table is, the
 * joins between them, metric, dimension, time dimension and segment definitions, business rules, and the
 * verified question/SQL pairs most like the question.
 */
final class ModelPrompt {

    /** Verified pairs shown per question. */
    static final int EXAMPLES = 3;

    private final SemanticModel model;

    private final Set<String> tables = new HashSet<>();

    ModelPrompt(SemanticModel model, List<TableInfo> retrieved) {
        this.model = model;
        retrieved.forEach((table) -> this.tables.add(table.name().toLowerCase(Locale.ROOT)));
    }

    /** The entity a table is, for its DDL comment; empty when the model does not name it. */
    Optional<String> entityNote(TableInfo table) {
        return this.model.entities().stream().filter((entity) -> entity.table().equalsIgnoreCase(table.name()))
                .findFirst().map((entity) -> "entity " + entity.name() + also(entity.synonyms())
                        + ((entity.description() != null) ? ": " + entity.description().strip() : "")
                        + (entity.primaryKey().isEmpty() ? "" : "; key " + String.join(", ", entity.primaryKey()))
                        + ((entity.nameColumn() != null) ? "; named by " + entity.nameColumn() : ""));
    }

    /** A dimension over exactly this column, for its DDL comment. */
    Optional<String> columnNote(TableInfo table, ColumnInfo column) {
        return this.model.dimensions().stream()
                .filter((dimension) -> tableOf(dimension.entity()).filter(table.name()::equalsIgnoreCase).isPresent()
                        && dimension.expression().strip().equalsIgnoreCase(column.name()))
                .findFirst().map((dimension) -> "dimension " + dimension.name() + also(dimension.synonyms())
                        + ((dimension.description() != null) ? ": " + dimension.description().strip() : ""));
    }

    /** The definitions section; empty when the model defines nothing for these tables. */
    String definitions(String question, Set<String> values) {
        StringBuilder text = new StringBuilder();
        section(text, "Joins (use these conditions):", this.model.relationships().stream()
                .filter((r) -> shown(r.from()) && shown(r.to())).map(this::join).toList());
        section(text, "Metrics:", this.model.metrics().stream().filter((m) -> shown(m.entity())).map(this::metric)
                .toList());
        section(text, "Dimensions:", this.model.dimensions().stream().filter((d) -> shown(d.entity()))
                .map(this::dimension).toList());
        section(text, "Time dimensions:", this.model.timeDimensions().stream().filter((t) -> shown(t.entity()))
                .map(this::time).toList());
        section(text, "Segments:", this.model.segments().stream().filter((s) -> shown(s.entity()))
                .map(this::segment).toList());
        section(text, "Business rules:", this.model.instructions().stream().map(String::strip).toList());
        List<VerifiedQuery> examples = VerifiedExamples.mostSimilar(question, this.model.verifiedQueries(), values,
                EXAMPLES);
        if (!examples.isEmpty()) {
            text.append("\nVerified examples (questions whose SQL someone checked; follow their definitions and patterns):\n");
            for (VerifiedQuery example : examples) {
                text.append("Q: ").append(example.question().strip()).append("\nSQL: ").append(example.sql().strip())
                        .append('\n');
            }
        }
        if (text.isEmpty()) {
            return "";
        }
        String heading = "\nBusiness definitions of database " + this.model.database() + ". They are binding: when the "
                + "question uses a metric, dimension, segment or one of their other words, compute it exactly as "
                + "defined here (same expression, same filter, same time dimension), and follow every business rule.\n";
        return heading + text;
    }

    private String join(Relationship relationship) {
        String from = tableOf(relationship.from()).orElse(relationship.from());
        String to = tableOf(relationship.to()).orElse(relationship.to());
        return relationship.name() + ": " + relationship.columns().stream()
                .map((pair) -> from + "." + pair.from() + " = " + to + "." + pair.to())
                .collect(Collectors.joining(" AND ")) + " (" + relationship.cardinality().name().toLowerCase(Locale.ROOT)
                        .replace('_', '-') + ")";
    }

    private String metric(Metric metric) {
        StringBuilder line = new StringBuilder(metric.name()).append(also(metric.synonyms())).append(" = ");
        if (metric.type() == MetricType.RATIO) {
            line.append(metric.numerator()).append(" / NULLIF(").append(metric.denominator())
                    .append(", 0), each metric aggregated on its own first");
        }
        else {
            String table = tableOf(metric.entity()).orElse(metric.entity());
            line.append(aggregate(metric)).append(" over ").append(table);
            if (metric.filter() != null) {
                line.append(" WHERE ").append(metric.filter().strip());
            }
        }
        String time = metric.timeDimension();
        if (time == null) {
            List<TimeDimension> own = this.model.timeDimensions().stream()
                    .filter((t) -> t.entity().equalsIgnoreCase(metric.entity())).toList();
            time = (own.size() == 1) ? own.getFirst().name() : null;
        }
        if (time != null) {
            line.append("; dates and periods apply to time dimension ").append(time);
        }
        if (metric.description() != null) {
            line.append(". ").append(metric.description().strip());
        }
        return line.toString();
    }

    private static String aggregate(Metric metric) {
        String expression = (metric.expression() != null) ? metric.expression().strip() : "*";
        return switch (metric.aggregation()) {
            case COUNT_DISTINCT -> "COUNT(DISTINCT " + expression + ")";
            case null -> expression;
            default -> metric.aggregation().name() + "(" + expression + ")";
        };
    }

    private String dimension(Dimension dimension) {
        return dimension.name() + also(dimension.synonyms()) + " = " + qualified(dimension.entity(), dimension.expression())
                + ((dimension.description() != null) ? ". " + dimension.description().strip() : "");
    }

    private String time(TimeDimension time) {
        return time.name() + also(time.synonyms()) + " = " + qualified(time.entity(), time.expression()) + "; grains "
                + time.grains().stream().map((grain) -> grain.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))
                + ", by default " + time.defaultGrain().name().toLowerCase(Locale.ROOT)
                + ((time.description() != null) ? ". " + time.description().strip() : "");
    }

    private String segment(Segment segment) {
        return segment.name() + also(segment.synonyms()) + " = rows of " + tableOf(segment.entity()).orElse(segment.entity())
                + " WHERE " + segment.filter().strip()
                + ((segment.description() != null) ? ". " + segment.description().strip() : "");
    }

    private String qualified(String entity, String expression) {
        String table = tableOf(entity).orElse(entity);
        return expression.strip().matches("[A-Za-z_][A-Za-z0-9_]*") ? table + "." + expression.strip()
                : expression.strip() + " (over " + table + ")";
    }

    private boolean shown(String entity) {
        return tableOf(entity).map((table) -> this.tables.contains(table.toLowerCase(Locale.ROOT))).orElse(false);
    }

    private Optional<String> tableOf(String entity) {
        return (entity != null) ? this.model.entity(entity).map(Entity::table) : Optional.empty();
    }

    private static String also(List<String> synonyms) {
        return synonyms.isEmpty() ? "" : " (also: " + String.join(", ", synonyms) + ")";
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append('\n');
        lines.forEach((line) -> text.append("- ").append(line).append('\n'));
    }
}
