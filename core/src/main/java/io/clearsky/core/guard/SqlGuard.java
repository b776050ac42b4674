package io.clearsky.core.guard;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.TableInfo;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Accepts exactly one read-only query whose tables all exist in the catalog. The raw text is checked
 * as well as the parse tree, because the parser drops comments and forgives some tricks.
 */
public final class SqlGuard {

    static final int MAX_SQL_LENGTH = 20_000;

    /** Functions that read files or the environment: never allowed, whatever the parser makes of them. */
    private static final Pattern FORBIDDEN_FUNCTIONS = Pattern.compile(
            "\\b(read_csv\\w*|read_parquet|read_json\\w*|read_text|read_blob|glob|getenv|sniff_csv|parquet_scan|query_table)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private final Catalog catalog;

    public SqlGuard(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Decides whether {@code sql} may run against {@code database}. */
    public GuardVerdict check(String sql, String database) {
        if (sql == null || sql.isBlank()) {
            return new GuardVerdict.Rejected("EMPTY", "The SQL is empty");
        }
        if (sql.length() > MAX_SQL_LENGTH) {
            return new GuardVerdict.Rejected("TOO_LONG", "The SQL is longer than " + MAX_SQL_LENGTH + " characters");
        }
        if (sql.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return new GuardVerdict.Rejected("CONTROL_CHARACTERS", "The SQL contains control characters");
        }
        if (FORBIDDEN_FUNCTIONS.matcher(stripLiterals(sql)).find()) {
            return new GuardVerdict.Rejected("FORBIDDEN_FUNCTION", "The SQL calls a function that reads files or the environment");
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        }
        catch (JSQLParserException ex) {
            return new GuardVerdict.Rejected("PARSE_ERROR", "The SQL does not parse: " + firstLine(ex));
        }
        if (statements.size() != 1) {
            return new GuardVerdict.Rejected("MULTIPLE_STATEMENTS", "Exactly one statement is allowed, found " + statements.size());
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select select)) {
            return new GuardVerdict.Rejected("NOT_READ_ONLY",
                    "Only SELECT queries may run, found " + statement.getClass().getSimpleName().toUpperCase(Locale.ROOT));
        }
        Set<String> cteNames = (select.getWithItemsList() != null) ? select.getWithItemsList().stream()
                .map(WithItem::getAliasName).map(SqlGuard::normalize).collect(Collectors.toSet()) : Set.of();
        Set<String> known = this.catalog.tables(database).stream().map(TableInfo::name).map(SqlGuard::normalize)
                .collect(Collectors.toSet());
        Set<String> tables = new TreeSet<>();
        for (String reference : new TablesNamesFinder<Void>().getTables((Statement) select)) {
            String name = normalize(reference);
            if (cteNames.contains(name)) {
                continue;
            }
            if (!known.contains(name)) {
                return new GuardVerdict.Rejected("UNKNOWN_TABLE", "Table '" + reference + "' is not in database '"
                        + database + "'; known tables: " + String.join(", ", new TreeSet<>(known)));
            }
            tables.add(name);
        }
        return new GuardVerdict.Accepted(sql.strip(), tables);
    }

    /** Lower-cased last part of a possibly qualified, possibly quoted name. */
    private static String normalize(String reference) {
        String last = reference.substring(reference.lastIndexOf('.') + 1);
        return last.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }

    /** The text with string literals blanked, so a function name inside a string does not count. */
    private static String stripLiterals(String sql) {
        return sql.replaceAll("'([^']|'')*'", "''");
    }

    private static String firstLine(Exception ex) {
        String message = (ex.getCause() != null && ex.getCause().getMessage() != null) ? ex.getCause().getMessage()
                : String.valueOf(ex.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
