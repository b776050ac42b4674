package io.clearsky.core.guard;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the guard lets through ({@code clearsky.guard.*}). Names are matched ignoring case.
 *
 * @param maxSqlLength longest SQL text accepted, in characters
 * @param rowCap most rows any query may compute; the guard adds or lowers a LIMIT to keep within it
 * @param allowedDatabases databases a query may read besides the one it is asked against
 * @param allowedTables when not empty, the only tables a query may read ({@code table} or {@code database.table})
 * @param deniedTables tables no query may read ({@code table} or {@code database.table})
 * @param deniedColumns columns no query may read ({@code table.column} or {@code database.table.column})
 * @param allowedFunctions file- or system-reading functions let through anyway, e.g. {@code read_parquet}
 */
@ConfigurationProperties("clearsky.guard")
public record GuardProperties(Integer maxSqlLength, Integer rowCap, List<String> allowedDatabases,
        List<String> allowedTables, List<String> deniedTables, List<String> deniedColumns,
        List<String> allowedFunctions) {

    public GuardProperties {
        maxSqlLength = (maxSqlLength != null) ? maxSqlLength : 20_000;
        rowCap = (rowCap != null) ? rowCap : 10_000;
        allowedDatabases = lower(allowedDatabases);
        allowedTables = lower(allowedTables);
        deniedTables = lower(deniedTables);
        deniedColumns = lower(deniedColumns);
        allowedFunctions = lower(allowedFunctions);
        if (maxSqlLength < 1 || rowCap < 1) {
            throw new IllegalArgumentException("clearsky.guard.max-sql-length and row-cap must be positive");
        }
    }

    /** The defaults: only the asked database, every table, no file-reading functions, 10,000 rows. */
    public static GuardProperties defaults() {
        return new GuardProperties(null, null, null, null, null, null, null);
    }

    /** Whether {@code name} ({@code table} or {@code database.table} form) is listed in {@code names}. */
    static boolean lists(List<String> names, String database, String table) {
        return names.contains(table) || names.contains(database + "." + table);
    }

    private static List<String> lower(List<String> names) {
        return (names != null) ? names.stream().map(String::strip).filter((name) -> !name.isEmpty())
                .map((name) -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableList()) : List.of();
    }
}
