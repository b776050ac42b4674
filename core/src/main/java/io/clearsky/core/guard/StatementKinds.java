package io.clearsky.core.guard;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names what a statement does from its first keyword, so every refused kind gets its own reason code,
 * including the kinds JSqlParser cannot parse at all (UNLOAD, MSCK, PRAGMA, INSTALL, ...). Only the
 * parse tree can accept a statement; this only refuses one early and precisely.
 */
final class StatementKinds {

    /** Keywords a read-only query may start with. */
    private static final Set<String> READ = Set.of("SELECT", "WITH", "VALUES");

    private static final Pattern CREATE_TABLE_AS = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?((TEMP|TEMPORARY|EXTERNAL)\\s+)?(TABLE|VIEW|MATERIALIZED\\s+VIEW)\\b.*\\bAS\\b.*");

    private static final Pattern FORCE_CHECKPOINT = Pattern.compile("(?is)^\\s*FORCE\\s+CHECKPOINT\\b.*");

    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("INSERT", "DML"), Map.entry("UPDATE", "DML"), Map.entry("DELETE", "DML"),
            Map.entry("UPSERT", "DML"), Map.entry("REPLACE", "DML"),
            Map.entry("MERGE", "MERGE"),
            Map.entry("CREATE", "DDL"), Map.entry("ALTER", "DDL"), Map.entry("DROP", "DDL"), Map.entry("TRUNCATE", "DDL"),
            Map.entry("COMMENT", "DDL"), Map.entry("RENAME", "DDL"),
            Map.entry("UNLOAD", "UNLOAD"), Map.entry("MSCK", "MSCK"), Map.entry("CALL", "CALL"),
            Map.entry("GRANT", "PRIVILEGE"), Map.entry("REVOKE", "PRIVILEGE"), Map.entry("DENY", "PRIVILEGE"),
            Map.entry("SET", "SESSION"), Map.entry("USE", "SESSION"), Map.entry("RESET", "SESSION"),
            Map.entry("PREPARE", "PREPARE"), Map.entry("EXECUTE", "PREPARE"), Map.entry("EXEC", "PREPARE"),
            Map.entry("DEALLOCATE", "PREPARE"),
            Map.entry("COPY", "COPY"), Map.entry("ATTACH", "ATTACH"), Map.entry("DETACH", "ATTACH"),
            Map.entry("INSTALL", "EXTENSION"), Map.entry("LOAD", "EXTENSION"), Map.entry("FORCE", "EXTENSION"),
            Map.entry("PRAGMA", "PRAGMA"), Map.entry("EXPORT", "EXPORT"), Map.entry("IMPORT", "EXPORT"),
            Map.entry("BEGIN", "TRANSACTION"), Map.entry("START", "TRANSACTION"), Map.entry("COMMIT", "TRANSACTION"),
            Map.entry("ROLLBACK", "TRANSACTION"), Map.entry("ABORT", "TRANSACTION"), Map.entry("END", "TRANSACTION"),
            Map.entry("SAVEPOINT", "TRANSACTION"),
            Map.entry("VACUUM", "MAINTENANCE"), Map.entry("CHECKPOINT", "MAINTENANCE"), Map.entry("ANALYZE", "MAINTENANCE"),
            Map.entry("OPTIMIZE", "MAINTENANCE"), Map.entry("REFRESH", "MAINTENANCE"));

    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("DML", "changes data"), Map.entry("MERGE", "changes data"), Map.entry("DDL", "changes the schema"),
            Map.entry("CTAS", "creates a table or view from a query"), Map.entry("UNLOAD", "writes query results to storage"),
            Map.entry("MSCK", "repairs table partitions"), Map.entry("CALL", "calls a procedure"),
            Map.entry("PRIVILEGE", "changes privileges"), Map.entry("SESSION", "changes session settings"),
            Map.entry("PREPARE", "prepares or executes other statements"), Map.entry("COPY", "copies data to or from files"),
            Map.entry("ATTACH", "attaches or detaches databases"), Map.entry("EXTENSION", "installs or loads extensions"),
            Map.entry("PRAGMA", "reads or changes engine settings"), Map.entry("EXPORT", "exports or imports a database"),
            Map.entry("TRANSACTION", "controls transactions"), Map.entry("MAINTENANCE", "runs maintenance"));

    private StatementKinds() {
    }

    /** Why a statement starting with {@code keyword} may not run, or empty when it may be a query. */
    static Optional<GuardVerdict.Reason> refusal(String keyword, String code) {
        if (READ.contains(keyword)) {
            return Optional.empty();
        }
        String kind = REFUSED.get(keyword);
        if ("FORCE".equals(keyword) && FORCE_CHECKPOINT.matcher(code).matches()) {
            kind = "MAINTENANCE";
        }
        if ("DDL".equals(kind) && CREATE_TABLE_AS.matcher(code).matches()) {
            kind = "CTAS";
        }
        if (kind == null) {
            return Optional.of(new GuardVerdict.Reason("NOT_A_QUERY", keyword.isEmpty()
                    ? "The text does not start with a statement; only SELECT, WITH ... SELECT and VALUES queries may run"
                    : "Only SELECT, WITH ... SELECT and VALUES queries may run, not " + keyword));
        }
        return Optional.of(new GuardVerdict.Reason(kind, "Only read-only queries may run; " + keyword + " " + WHAT.get(kind)));
    }
}
