package io.clearsky.core.guard;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.Suggestions;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.policy.DataAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Proves a query safe before it runs: exactly one read-only statement, over tables of the catalog that
 * policy allows, naming columns that exist, calling no function that reads files or the system, and
 * computing at most {@link GuardProperties#rowCap()} rows. The raw text is checked as well as the parse
 * tree, and what runs is the parse tree written back out, so nothing the parser did not understand can
 * reach the engine. The same checks serve Athena (Trino) and DuckDB: each refuses the union of both
 * engines' dangerous forms.
 *
 * <p>A principal's {@link DataAccess} narrows the global lists further: a database, table or column its
 * groups may not read is refused with {@code POLICY_DATABASE}, {@code POLICY_TABLE} or
 * {@code POLICY_COLUMN}, and suggestions for unknown names never name what it may not read.
 */
public final class SqlGuard {

    /** Names that read files, the network, the environment or engine internals. */
    private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of("glob", "getenv", "sniff_csv", "query",
            "query_table", "current_setting", "which_secret", "checkpoint", "force_checkpoint", "st_read", "load_extension",
            "json_execute_serialized_sql", "pg_read_file", "pg_read_binary_file", "pg_ls_dir");

    private static final List<String> FORBIDDEN_PREFIXES = List.of("read_", "duckdb_", "pragma_", "parquet_", "sqlite_",
            "postgres_", "mysql_", "iceberg_", "delta_", "http_", "lo_");

    /** Catalogs and schemas of engine metadata: Trino's system catalog, DuckDB's and Postgres' views. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("system", "information_schema", "pg_catalog", "temp", "sys");

    private static final List<String> SYSTEM_TABLE_PREFIXES = List.of("duckdb_", "pg_", "sqlite_");

    /** A call of a forbidden function in the text, in case the parse tree hides one. */
    private static final Pattern FORBIDDEN_CALL = Pattern.compile("(?i)\\b(" + String.join("|", FORBIDDEN_FUNCTIONS)
            + "|(" + String.join("|", FORBIDDEN_PREFIXES) + ")\\w*|\\w+_scan)[\"`]?\\s*\\(");

    /** Words the parser may read as column names but engines treat as values. */
    private static final Set<String> IMPLICIT_COLUMNS = Set.of("true", "false", "null", "current_date", "current_time",
            "current_timestamp", "localtime", "localtimestamp", "current_user", "current_schema", "current_catalog",
            "session_user", "user", "rowid");

    /**
     * Parsing runs on its own (virtual) thread so a pathological input is abandoned after a timeout;
     * sharing the executor spares a platform thread per call.
     */
    private static final ExecutorService PARSERS = Executors.newVirtualThreadPerTaskExecutor();

    private static final long PARSE_TIMEOUT_MS = 2_000;

    private final Catalog catalog;

    private final GuardProperties properties;

    public SqlGuard(Catalog catalog, GuardProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** Decides whether {@code sql} may run against {@code database}, with no data access policy. */
    public GuardVerdict check(String sql, String database) {
        return check(sql, database, DataAccess.unrestricted());
    }

    /** Decides whether {@code sql} may run against {@code database} for a principal with {@code access}. */
    public GuardVerdict check(String sql, String database, DataAccess access) {
        if (sql == null || sql.isBlank()) {
            return new GuardVerdict.Rejected("EMPTY", "The SQL is empty");
        }
        if (sql.length() > this.properties.maxSqlLength()) {
            return new GuardVerdict.Rejected("TOO_LONG", "The SQL is " + sql.length() + " characters long; at most "
                    + this.properties.maxSqlLength() + " are allowed");
        }
        SqlText text = SqlText.scan(sql);
        Optional<GuardVerdict.Reason> refusal = text.problem()
                .or(() -> StatementKinds.refusal(text.firstKeyword(), text.code()))
                .or(() -> forbiddenCallInText(text));
        if (refusal.isPresent()) {
            return new GuardVerdict.Rejected(List.of(refusal.get()));
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql, PARSERS, (parser) -> parser.withTimeOut(PARSE_TIMEOUT_MS));
        }
        catch (JSQLParserException ex) {
            return new GuardVerdict.Rejected("PARSE_ERROR", "The SQL does not parse: " + firstLine(ex));
        }
        if (statements == null) {
            // JSqlParser gives up without an exception on deep nesting and after its time-out.
            return new GuardVerdict.Rejected("TOO_COMPLEX", "The SQL is nested too deeply to parse; simplify it");
        }
        if (statements.size() != 1) {
            return new GuardVerdict.Rejected("MULTIPLE_STATEMENTS", "Exactly one statement is allowed, found " + statements.size());
        }
        if (!(statements.get(0) instanceof Select select)) {
            return notAQuery(statements.get(0));
        }
        return new Check(select, QueryInspector.inspect(select), database.toLowerCase(Locale.ROOT), access).verdict();
    }

    /** A statement that parsed but is no query, e.g. {@code WITH ... INSERT}. */
    private static GuardVerdict notAQuery(Statement statement) {
        String code = switch (statement) {
            case Insert insert -> "DML";
            case Update update -> "DML";
            case Delete delete -> "DML";
            case Upsert upsert -> "DML";
            case Merge merge -> "MERGE";
            default -> "NOT_A_QUERY";
        };
        return new GuardVerdict.Rejected(code, "Only read-only queries may run, found "
                + statement.getClass().getSimpleName().toUpperCase(Locale.ROOT));
    }

    private Optional<GuardVerdict.Reason> forbiddenCallInText(SqlText text) {
        Matcher matcher = FORBIDDEN_CALL.matcher(text.codeWithoutLiterals());
        while (matcher.find()) {
            String name = QueryInspector.lower(matcher.group(1));
            if (!this.properties.allowedFunctions().contains(name)) {
                return Optional.of(forbiddenFunction(name));
            }
        }
        return Optional.empty();
    }

    private boolean isForbiddenFunction(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        String name = qualifiedName.substring(dot + 1);
        String qualifier = (dot < 0) ? "" : qualifiedName.substring(0, dot);
        if (this.properties.allowedFunctions().contains(name)) {
            return false;
        }
        return FORBIDDEN_FUNCTIONS.contains(name) || name.endsWith("_scan") || SYSTEM_SCHEMAS.contains(qualifier)
                || qualifier.startsWith("system.") || FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static GuardVerdict.Reason forbiddenFunction(String name) {
        return new GuardVerdict.Reason("FORBIDDEN_FUNCTION",
                "Function " + name + " reads files, the network or the system and may not be called");
    }

    private static String firstLine(Exception ex) {
        String message = (ex.getCause() != null && ex.getCause().getMessage() != null) ? ex.getCause().getMessage()
                : String.valueOf(ex.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    /** The checks of one parsed query, which collect every reason rather than stopping at the first. */
    private final class Check {

        private final Select select;

        private final QueryInspector found;

        private final String database;

        private final DataAccess access;

        private final List<GuardVerdict.Reason> reasons = new ArrayList<>();

        /** Catalog tables by every name the query calls them: their own name and their aliases. */
        private final Map<String, List<TableInfo>> tablesByName = new HashMap<>();

        private final Set<String> tablesRead = new TreeSet<>();

        private final Set<String> columnsRead = new TreeSet<>();

        Check(Select select, QueryInspector found, String database, DataAccess access) {
            this.select = select;
            this.found = found;
            this.database = database;
            this.access = access;
        }

        GuardVerdict verdict() {
            checkForm();
            checkFunctions();
            if (this.reasons.isEmpty()) {
                checkTables();
            }
            if (this.reasons.isEmpty()) {
                checkColumns();
            }
            boolean capped = this.reasons.isEmpty() && applyRowCap();
            if (!this.reasons.isEmpty()) {
                return new GuardVerdict.Rejected(List.copyOf(new LinkedHashSet<>(this.reasons)));
            }
            return new GuardVerdict.Accepted(this.select.toString(), this.tablesRead, this.columnsRead, capped);
        }

        private void checkForm() {
            this.found.writingCtes.forEach((name) -> reject("DML",
                    "The common table expression " + name + " changes data; only read-only queries may run"));
            if (this.found.selectInto) {
                reject("SELECT_INTO", "SELECT ... INTO creates a table; only read-only queries may run");
            }
            if (this.found.locking) {
                reject("LOCKING", "FOR UPDATE/SHARE locks rows; read-only queries must not lock");
            }
        }

        private void checkFunctions() {
            this.found.functions.stream().filter(SqlGuard.this::isForbiddenFunction).distinct()
                    .forEach((name) -> this.reasons.add(forbiddenFunction(name)));
        }

        private void checkTables() {
            for (Table table : this.found.tables) {
                String name = table.getName();
                if (name.startsWith("'")) {
                    reject("FILE_READ", "FROM " + name + " reads a file; only tables of the catalog may be read");
                    continue;
                }
                String tableName = QueryInspector.lower(table.getUnquotedName());
                String schema = QueryInspector.lower(table.getUnquotedSchemaName());
                String catalogName = QueryInspector.lower(table.getUnquotedDatabaseName());
                if (schema == null && this.found.derivedRelations.contains(tableName)) {
                    rejectIfShadowing(tableName);
                    if (table.getAlias() != null) {
                        this.found.derivedRelations.add(QueryInspector.lower(table.getAlias().getUnquotedName()));
                    }
                    continue;
                }
                if (isSystemTable(catalogName, schema, tableName)) {
                    reject("SYSTEM_TABLE", "Table " + table.getFullyQualifiedName()
                            + " holds engine metadata; only tables of the catalog may be read");
                    continue;
                }
                String db = (schema != null) ? schema : this.database;
                if (!db.equals(this.database) && !SqlGuard.this.properties.allowedDatabases().contains(db)) {
                    reject("DATABASE_NOT_ALLOWED", "Database " + db + " may not be read; queries read database " + this.database);
                    continue;
                }
                if (!this.access.allowsDatabase(db)) {
                    reject("POLICY_DATABASE", "Database " + db + " may not be read by the groups of the asker");
                    continue;
                }
                Optional<TableInfo> info = SqlGuard.this.catalog.table(db, tableName);
                if (info.isEmpty()) {
                    rejectUnknownTable(table, db, tableName);
                    continue;
                }
                if (!isAllowed(db, tableName)) {
                    reject("TABLE_NOT_ALLOWED", "Table " + db + "." + info.get().name() + " may not be read");
                    continue;
                }
                if (!this.access.allowsTable(db, tableName)) {
                    reject("POLICY_TABLE", "Table " + db + "." + info.get().name()
                            + " may not be read by the groups of the asker");
                    continue;
                }
                this.tablesRead.add(db + "." + info.get().name());
                this.tablesByName.computeIfAbsent(tableName, (key) -> new ArrayList<>()).add(info.get());
                if (table.getAlias() != null) {
                    this.tablesByName.computeIfAbsent(QueryInspector.lower(table.getAlias().getUnquotedName()),
                            (key) -> new ArrayList<>()).add(info.get());
                }
            }
        }

        /** A CTE or subquery may not take a table's name: with scopes flattened, it could hide a read of that table. */
        private void rejectIfShadowing(String name) {
            if (SqlGuard.this.catalog.table(this.database, name).isPresent()
                    || GuardProperties.lists(SqlGuard.this.properties.deniedTables(), this.database, name)) {
                reject("CTE_SHADOWS_TABLE", "The name " + name + " is both a table and a common table expression or"
                        + " subquery alias; give the common table expression or subquery another name");
            }
        }

        private void rejectUnknownTable(Table table, String db, String tableName) {
            List<String> known = SqlGuard.this.catalog.tables(db).stream()
                    .filter((info) -> isAllowed(db, info.name().toLowerCase(Locale.ROOT))
                            && this.access.allowsTable(db, info.name()))
                    .map(TableInfo::name).toList();
            if (known.isEmpty()) {
                reject("UNKNOWN_TABLE", "Table " + table.getFullyQualifiedName() + " does not exist: database " + db
                        + " has no tables");
                return;
            }
            String hint = Suggestions.didYouMean(tableName, known);
            if (hint.isEmpty() && known.size() <= 30) {
                hint = " Tables of " + db + ": " + String.join(", ", known) + ".";
            }
            reject("UNKNOWN_TABLE", "Table " + table.getFullyQualifiedName() + " is not in database " + db + "." + hint);
        }

        private void checkColumns() {
            Set<String> columnsOfTables = new HashSet<>();
            this.tablesByName.values().stream().flatMap(List::stream).flatMap((table) -> table.columns().stream())
                    .forEach((column) -> columnsOfTables.add(column.name().toLowerCase(Locale.ROOT)));
            for (Column column : this.found.columns) {
                String name = QueryInspector.lower(column.getUnquotedColumnName());
                Table qualifierTable = column.getTable();
                String qualifier = (qualifierTable != null && qualifierTable.getName() != null)
                        ? QueryInspector.lower(qualifierTable.getUnquotedName()) : null;
                if (qualifier == null) {
                    checkUnqualified(column, name, columnsOfTables);
                }
                else {
                    checkQualified(column, qualifier, name, columnsOfTables);
                }
            }
            if (this.found.anyStar) {
                allTables().forEach((table) -> checkStar(table, "*"));
            }
            if (this.found.functions.contains("columns")) {
                allTables().forEach((table) -> checkStar(table, "COLUMNS(...)")); // DuckDB's columns by pattern
            }
            if (this.found.naturalJoin) {
                allTables().forEach((table) -> checkStar(table, "NATURAL JOIN"));
            }
            this.found.tableStars.forEach((star) -> {
                String qualifier = QueryInspector.lower(star.getTable().getUnquotedName());
                this.tablesByName.getOrDefault(qualifier, List.of()).forEach((table) -> checkStar(table, "*"));
            });
        }

        private List<TableInfo> allTables() {
            return this.tablesByName.values().stream().flatMap(List::stream).distinct().toList();
        }

        private void checkUnqualified(Column column, String name, Set<String> columnsOfTables) {
            if (columnsOfTables.contains(name)) {
                this.tablesByName.values().stream().flatMap(List::stream).distinct()
                        .filter((table) -> has(table, name)).forEach((table) -> read(table, name));
            }
            else if (!this.found.definedNames.contains(name) && !IMPLICIT_COLUMNS.contains(name)) {
                List<String> candidates = new ArrayList<>();
                this.tablesByName.values().stream().flatMap(List::stream).distinct()
                        .forEach((table) -> candidates.addAll(readableColumns(table)));
                candidates.addAll(this.found.definedNames);
                reject("UNKNOWN_COLUMN", "Column " + column.getColumnName() + " is not in "
                        + describeTables() + "." + Suggestions.didYouMean(name, candidates));
            }
        }

        private void checkQualified(Column column, String qualifier, String name, Set<String> columnsOfTables) {
            List<TableInfo> owners = this.tablesByName.get(qualifier);
            if (owners != null) {
                Optional<TableInfo> owner = owners.stream().filter((table) -> has(table, name)).findFirst();
                if (owner.isPresent()) {
                    read(owner.get(), name);
                }
                else {
                    TableInfo table = owners.getFirst();
                    reject("UNKNOWN_COLUMN", "Column " + column.getFullyQualifiedName() + " is not in table " + table.name()
                            + "." + Suggestions.didYouMean(name, readableColumns(table)));
                }
            }
            else if (!this.found.derivedRelations.contains(qualifier) && !columnsOfTables.contains(qualifier)) {
                List<String> names = new ArrayList<>(this.tablesByName.keySet());
                names.addAll(this.found.derivedRelations);
                reject("UNKNOWN_COLUMN", "Column " + column.getFullyQualifiedName() + " names " + qualifier
                        + ", which is no table or alias of the query." + Suggestions.didYouMean(qualifier, names));
            }
        }

        /** A form that reads every column of {@code table} ({@code *}, COLUMNS, NATURAL JOIN) may read none it may not. */
        private void checkStar(TableInfo table, String form) {
            table.columns().stream().map((column) -> column.name().toLowerCase(Locale.ROOT))
                    .filter((column) -> isDeniedColumn(table, column)).findFirst()
                    .ifPresent((column) -> reject("COLUMN_NOT_ALLOWED", form + " would read column " + table.name() + "."
                            + column + ", which may not be read; list the columns instead"));
            if (table.columns().stream().anyMatch((column) -> !isReadable(table, column.name()))) {
                reject("POLICY_COLUMN", form + " would read columns of " + table.name() + " that the groups of the"
                        + " asker may not read; list the columns instead: " + String.join(", ", readableColumns(table)));
            }
        }

        private void read(TableInfo table, String column) {
            if (isDeniedColumn(table, column)) {
                reject("COLUMN_NOT_ALLOWED", "Column " + table.name() + "." + column + " may not be read");
            }
            else if (!isReadable(table, column)) {
                reject("POLICY_COLUMN", "Column " + table.name() + "." + column
                        + " may not be read by the groups of the asker");
            }
            table.columns().stream().filter((info) -> info.name().equalsIgnoreCase(column)).findFirst()
                    .ifPresent((info) -> this.columnsRead.add(table.name() + "." + info.name()));
        }

        private boolean isReadable(TableInfo table, String column) {
            return this.access.allowsColumn(table.database(), table.name(), column);
        }

        /** The columns of {@code table} the asker may read, for messages and suggestions. */
        private List<String> readableColumns(TableInfo table) {
            return table.columns().stream().map(ColumnInfo::name).filter((column) -> isReadable(table, column)).toList();
        }

        private boolean isDeniedColumn(TableInfo table, String column) {
            String tableName = table.name().toLowerCase(Locale.ROOT);
            return GuardProperties.lists(SqlGuard.this.properties.deniedColumns(), table.database().toLowerCase(Locale.ROOT),
                    tableName + "." + column);
        }

        private String describeTables() {
            Set<String> names = new TreeSet<>();
            this.tablesByName.values().stream().flatMap(List::stream).forEach((table) -> names.add(table.name()));
            return names.isEmpty() ? "any table of the query" : "table" + ((names.size() > 1) ? "s " : " ") + String.join(", ", names);
        }

        /**
         * Keeps the query within the row cap: adds a LIMIT when there is none and lowers a larger one;
         * a smaller LIMIT is the query's meaning and stays.
         */
        private boolean applyRowCap() {
            long cap = SqlGuard.this.properties.rowCap();
            Select target = this.select;
            if (target instanceof SetOperationList union && union.getLimit() == null && union.getFetch() == null
                    && union.getSelects().getLast() instanceof PlainSelect last && last.getLimit() != null) {
                target = last; // JSqlParser hangs a union's trailing LIMIT on its last SELECT
            }
            if (target.getFetch() != null) {
                if (target.getFetch().getRowCount() > cap) {
                    target.getFetch().setRowCount(cap);
                    return true;
                }
                return false;
            }
            Limit limit = target.getLimit();
            if (limit == null) {
                target.setLimit(new Limit().withRowCount(new LongValue(cap)));
                return true;
            }
            if (limit.isLimitAll() || limit.isLimitNull() || limit.getRowCount() == null || limit.getRowCount() instanceof NullValue) {
                limit.setLimitAll(false);
                limit.setLimitNull(false);
                limit.setRowCount(new LongValue(cap));
                return true;
            }
            if (!(limit.getRowCount() instanceof LongValue rows)) {
                reject("LIMIT_NOT_CONSTANT", "LIMIT must be a whole number, not " + limit.getRowCount());
                return false;
            }
            if (rows.getValue() > cap) {
                limit.setRowCount(new LongValue(cap));
                return true;
            }
            return false;
        }

        private boolean isAllowed(String db, String tableName) {
            GuardProperties policy = SqlGuard.this.properties;
            return !GuardProperties.lists(policy.deniedTables(), db, tableName)
                    && (policy.allowedTables().isEmpty() || GuardProperties.lists(policy.allowedTables(), db, tableName));
        }

        private boolean isSystemTable(String catalogName, String schema, String tableName) {
            return (catalogName != null && SYSTEM_SCHEMAS.contains(catalogName)) || (schema != null && SYSTEM_SCHEMAS.contains(schema))
                    || (SYSTEM_TABLE_PREFIXES.stream().anyMatch(tableName::startsWith)
                            && SqlGuard.this.catalog.table(this.database, tableName).isEmpty());
        }

        private static boolean has(TableInfo table, String column) {
            return table.columns().stream().anyMatch((info) -> info.name().equalsIgnoreCase(column));
        }

        private void reject(String code, String message) {
            this.reasons.add(new GuardVerdict.Reason(code, message));
        }
    }
}
