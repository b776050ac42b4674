package io.clearsky.worker.generation.prompt;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.worker.generation.GenerationRequest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The prompt a model writes SQL from. The system part holds the rules, the dialect, the current date,
 * the schema context as DDL (with the semantic model's entity and dimension descriptions), the model's
 * binding business definitions and the verified examples most like the question, and the session so far;
 * the user part holds the question and, on later attempts, the SQL that failed and why.
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
                - If the listed tables cannot answer the question, call cannot_answer with the reason and one
                  clarifying question instead of guessing.
                - If the question fits two or more readings equally well (a word that names two different
                  things), call ask_clarification with the question to put to the asker and the readings as choices.
                - Always reply by calling exactly one tool: answer_with_sql, cannot_answer or ask_clarification.

                """.formatted(request.maxRows()));
        prompt.append(dialect(request.engine())).append("\n\nToday is ").append(today).append(".\n\n");
        prompt.append("Database: ").append(request.schema().database()).append("\nTables:\n");
        SemanticModel model = request.model();
        ModelPrompt semantic = (model != null) ? new ModelPrompt(model, request.schema().tables()) : null;
        for (TableInfo table : request.schema().tables()) {
            table(prompt, table, semantic);
        }
        if (semantic != null) {
            prompt.append(semantic.definitions(request.question(), values(request.schema().tables())));
        }
        if (!request.history().isEmpty()) {
            prompt.append("\nEarlier in this conversation (a follow-up may refer to these):\n");
            for (GenerationRequest.Turn turn : request.history()) {
                prompt.append("Q: ").append(turn.question().strip()).append("\nSQL: ").append(turn.sql().strip()).append('\n');
            }
        }
        return prompt.toString();
    }

    /** One table as DDL: a comment with its meaning, one line per column with its own. */
    private static void table(StringBuilder prompt, TableInfo table, ModelPrompt semantic) {
        prompt.append("\nCREATE TABLE ").append(table.name()).append(" (");
        String note = join(table.comment(), (semantic != null) ? semantic.entityNote(table).orElse(null) : null);
        if (note != null) {
            prompt.append(" -- ").append(note);
        }
        prompt.append('\n');
        List<ColumnInfo> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo column = columns.get(i);
            prompt.append("  ").append(column.name()).append(' ').append(column.type());
            if (i < columns.size() - 1) {
                prompt.append(',');
            }
            StringBuilder comment = new StringBuilder();
            if (column.partitionKey()) {
                comment.append("(partition key)");
            }
            String meaning = join(column.comment(),
                    (semantic != null) ? semantic.columnNote(table, column).orElse(null) : null);
            if (meaning != null) {
                comment.append(comment.isEmpty() ? "" : " ").append(meaning);
            }
            if (!column.samples().isEmpty()) {
                boolean all = column.allValues() && column.samples().size() <= PROMPT_VALUES;
                comment.append(comment.isEmpty() ? "" : " ").append(all ? "(one of " : "(e.g. ")
                        .append(String.join(", ", column.firstSamples(PROMPT_VALUES).stream()
                                .map((value) -> "'" + value.replace("'", "''") + "'").toList()))
                        .append(')');
            }
            if (!comment.isEmpty()) {
                prompt.append(" -- ").append(comment);
            }
            prompt.append('\n');
        }
        prompt.append(");\n");
    }

    private static String join(String first, String second) {
        String a = (first != null && !first.isBlank()) ? first.strip() : null;
        String b = (second != null && !second.isBlank()) ? second.strip() : null;
        if (a == null || b == null) {
            return (a != null) ? a : b;
        }
        return a + "; " + b;
    }

    /** Words the catalog lists as column values: masked when verified examples are compared with the question. */
    private static Set<String> values(List<TableInfo> tables) {
        Set<String> values = new HashSet<>();
        for (TableInfo table : tables) {
            for (ColumnInfo column : table.columns()) {
                column.samples().stream().filter((value) -> value.length() > 1 && !value.contains(" "))
                        .forEach(values::add);
            }
        }
        return values;
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
