package io.clearsky.worker.execution;

import io.clearsky.worker.execution.EngineException.Kind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads an engine's error message and says what kind of error it is. Athena (Trino) and DuckDB phrase
 * the same mistakes differently; both vocabularies are here so the rest of the worker sees one set of kinds.
 */
public final class EngineErrors {

    private record Rule(Kind kind, Pattern pattern) {
    }

    /** First match wins: Athena says "cannot be resolved or requester is not authorized" for a mistyped column. */
    private static final List<Rule> RULES = List.of(
            rule(Kind.UNKNOWN_COLUMN, "column '.*' cannot be resolved|column .* not found|referenced column .* not found"
                    + "|column_not_found|does not have a column named|cannot be resolved"),
            rule(Kind.UNKNOWN_TABLE, "table .* does not exist|schema .* does not exist|table_not_found|schema_not_found"
                    + "|catalog error: table with name|entity_not_found|database .* not found|table with name .* does not exist"),
            rule(Kind.SYNTAX, "syntax_error|syntax error|mismatched input|extraneous input|parser error|no viable alternative"),
            rule(Kind.PERMISSION, "access denied|accessdenied|insufficient permissions|insufficient lake formation"
                    + "|not authorized|permission denied|is not authorized to perform"),
            rule(Kind.RESOURCE_LIMIT, "exhausted resources|exceeded_memory_limit|exceeded_.*_limit|out of memory"
                    + "|query exceeded|too many (open )?partitions|exceeded the maximum"),
            rule(Kind.INVALID_QUERY, "type_mismatch|cannot be applied to|function_not_found|function .* not registered"
                    + "|must be an aggregate expression|must appear in the group by|binder error|invalid_function_argument"
                    + "|conversion error|ambiguous"),
            rule(Kind.CANCELLED, "interrupt|cancelled by user|query was cancelled"),
            rule(Kind.CONFIGURATION, "output location|workgroup .* (is disabled|not found)|no output location"
                    + "|invalid s3 location|bucket .* does not exist"));

    private EngineErrors() {
    }

    /** The kind of the error an engine described with {@code message}; {@link Kind#OTHER} when unknown. */
    public static Kind classify(String message) {
        if (message == null) {
            return Kind.OTHER;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return RULES.stream().filter((rule) -> rule.pattern.matcher(text).find()).map(Rule::kind).findFirst()
                .orElse(Kind.OTHER);
    }

    private static Rule rule(Kind kind, String regex) {
        return new Rule(kind, Pattern.compile(regex));
    }
}
