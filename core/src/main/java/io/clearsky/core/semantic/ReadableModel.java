package io.clearsky.core.semantic;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.policy.DataAccess;
import io.clearsky.core.semantic.SemanticModel.Metric;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A semantic model as a principal with restricted data access may see it: only entities of tables it may
 * read, and only the relationships, dimensions, metrics, segments and verified queries whose SQL names
 * none of the tables or columns it may not read. Conservative by design: a part whose SQL merely mentions a
 * hidden name goes, so neither a prompt nor the offline reader is handed a way to the hidden data (the guard
 * would refuse such SQL anyway; this keeps generation from trying).
 */
final class ReadableModel {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ReadableModel() {
    }

    static SemanticModel of(SemanticModel model, List<TableInfo> tables, DataAccess access) {
        if (access.isUnrestricted()) {
            return model;
        }
        Set<String> hidden = new HashSet<>();
        for (TableInfo table : tables) {
            if (!access.allowsTable(table.database(), table.name())) {
                hidden.add(lower(table.name()));
                continue;
            }
            for (ColumnInfo column : table.columns()) {
                if (!access.allowsColumn(table.database(), table.name(), column.name())) {
                    hidden.add(lower(column.name()));
                }
            }
        }
        Predicate<String> readable = (sql) -> sql == null || !mentionsAny(sql, hidden);
        Set<String> entities = model.entities().stream()
                .filter((entity) -> !hidden.contains(lower(entity.table())) && readable.test(entity.nameColumn()))
                .map((entity) -> lower(entity.name())).collect(Collectors.toSet());
        Predicate<String> kept = (entity) -> entity != null && entities.contains(lower(entity));
        List<Metric> simple = model.metrics().stream().filter((metric) -> kept.test(metric.entity())
                && readable.test(metric.expression()) && readable.test(metric.filter())).toList();
        Set<String> simpleNames = simple.stream().map((metric) -> lower(metric.name())).collect(Collectors.toSet());
        List<Metric> metrics = simple.stream().filter((metric) -> metric.numerator() == null
                || (simpleNames.contains(lower(metric.numerator())) && simpleNames.contains(lower(metric.denominator()))))
                .toList();
        return new SemanticModel(model.database(), model.description(),
                model.entities().stream().filter((entity) -> kept.test(entity.name())).toList(),
                model.relationships().stream().filter((relationship) -> kept.test(relationship.from())
                        && kept.test(relationship.to()) && relationship.columns().stream().allMatch(
                                (pair) -> readable.test(pair.from()) && readable.test(pair.to()))).toList(),
                model.dimensions().stream().filter((dimension) -> kept.test(dimension.entity())
                        && readable.test(dimension.expression())).toList(),
                model.timeDimensions().stream().filter((time) -> kept.test(time.entity())
                        && readable.test(time.expression())).toList(),
                metrics,
                model.segments().stream().filter((segment) -> kept.test(segment.entity())
                        && readable.test(segment.filter())).toList(),
                model.verifiedQueries().stream().filter((query) -> readable.test(query.sql())).toList(),
                model.instructions());
    }

    private static boolean mentionsAny(String sql, Set<String> names) {
        Matcher words = IDENTIFIER.matcher(sql);
        while (words.find()) {
            if (names.contains(lower(words.group()))) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
