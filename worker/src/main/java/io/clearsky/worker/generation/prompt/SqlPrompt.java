package io.clearsky.worker.generation.prompt;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.worker.generation.GenerationRequest;
import java.time.LocalDate;

/**
 * The prompt a model writes SQL from. The system part holds the rules, the dialect, the current date,
 * the schema context and the session so far; the user part holds the question and, on later attempts,
 * the SQL that failed and why.
 */
public final class SqlPrompt {

    private static final String ATHENA_DIALECT = """
            The SQL runs on Amazon Athena engine version 3, which speaks Trino SQL:
            - quote identifiers with double quotes, strings with single quotes; date literals are DATE '2024-01-31'
            - dates: current_date, date_trunc('month', d), date_add('day', -7, current_date), year(d), format_datetime
            - cast with CAST(x AS double) or TRY_CAST; integer division truncates, so cast before dividing
            - when a table has partition keys, filter on them whenever the question implies a range, to scan less
            - no SELECT INTO, no CREATE, no INSERT: one read-only query""";

    private static final String DUCKDB_DIALECT = """
            The SQL runs on DuckDB:
            - quote identifiers with double quotes, strings with single quotes; date literals are DATE '2024-01-31'
            - dates: current_date, date_trunc('month', d), d - INTERVAL 7 DAY, year(d), strftime(d, '%Y-%m')
            - integer division with / yields a double; use // for integer division
            - no CREATE, no INSERT, no COPY, no file-reading functions: one read-only query""";

    /** Values shown per column: a small domain in full, else a few examples. */
    private static final int PROMPT_VALUES = 10;

    private SqlPrompt() {
    }

    public static String system(GenerationRequest request, LocalDate today) {
        StringBuilder prompt = new StringBuilder("""
                You are ClearSky's SQL analyst. You answer questions about a company's data by writing exactly one
                read-only SQL query (SELECT or WITH … SELECT) over the tables listed below, and by explaining it in
                one or two plain sentences for a business reader.

                Rules:
                - Use only the tables and columns listed below, spelled exactly as listed. Never invent a name.
                - Qualify columns with table aliases when more than one table is involved.
                - When the question asks for a list of rows, add LIMIT %d unless it asks for fewer.
                - Order results when the question implies an order (top, most, latest, per month).
                - If the listed tables cannot answer the question, or it is too ambiguous to answer correctly,
                  call cannot_answer with the reason and one clarifying question instead of guessing.
                - Always reply by calling exactly one tool: answer_with_sql or cannot_answer.

                """.formatted(request.maxRows()));
        prompt.append(dialect(request.engine())).append("\n\nToday is ").append(today).append(".\n\n");
        prompt.append("Database: ").append(request.schema().database()).append("\nTables:\n");
        for (TableInfo table : request.schema().tables()) {
            prompt.append("\nTABLE ").append(table.name());
            if (table.comment() != null && !table.comment().isBlank()) {
                prompt.append(" -- ").append(table.comment().strip());
            }
            prompt.append('\n');
            for (ColumnInfo column : table.columns()) {
                prompt.append("  ").append(column.name()).append(' ').append(column.type());
                if (column.partitionKey()) {
                    prompt.append(" (partition key)");
                }
                if (column.comment() != null && !column.comment().isBlank()) {
                    prompt.append(" -- ").append(column.comment().strip());
                }
                if (!column.samples().isEmpty()) {
                    boolean all = column.allValues() && column.samples().size() <= PROMPT_VALUES;
                    prompt.append(all ? " (one of " : " (e.g. ").append(String.join(", ", column.firstSamples(PROMPT_VALUES)
                            .stream().map((value) -> "'" + value.replace("'", "''") + "'").toList())).append(')');
                }
                prompt.append('\n');
            }
        }
        if (!request.history().isEmpty()) {
            prompt.append("\nEarlier in this conversation (a follow-up may refer to these):\n");
            for (GenerationRequest.Turn turn : request.history()) {
                prompt.append("Q: ").append(turn.question().strip()).append("\nSQL: ").append(turn.sql().strip()).append('\n');
            }
        }
        return prompt.toString();
    }

    public static String user(GenerationRequest request) {
        StringBuilder message = new StringBuilder("Question: ").append(request.question().strip());
        for (GenerationRequest.Correction correction : request.corrections()) {
            message.append("\n\nYour earlier SQL for this question failed.\nSQL: ").append(correction.sql().strip())
                    .append("\nError: ").append(correction.error().strip());
        }
        if (!request.corrections().isEmpty()) {
            message.append("\n\nWrite corrected SQL that avoids the error, using only the listed tables and columns.");
        }
        return message.toString();
    }

    static String dialect(String engine) {
        return "athena".equals(engine) ? ATHENA_DIALECT : DUCKDB_DIALECT;
    }
}
