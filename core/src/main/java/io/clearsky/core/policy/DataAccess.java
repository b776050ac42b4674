package io.clearsky.core.policy;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one principal may read: the union of what the policies of its groups grant. A table is readable
 * when one of those policies allows it, a column when one policy allows both the column and its table.
 * {@link #unrestricted()} is the access of every principal while no policy is configured; the global guard
 * lists ({@code clearsky.guard.*}) apply either way. Names are compared ignoring case.
 */
public final class DataAccess {

    private static final DataAccess UNRESTRICTED = new DataAccess(null);

    private static final DataAccess NOTHING = new DataAccess(List.of());

    /** The grants of the principal's groups; null when no policy is configured at all. */
    private final List<Grant> grants;

    DataAccess(List<Grant> grants) {
        this.grants = (grants != null) ? List.copyOf(grants) : null;
    }

    /** Everything the guard lists allow: the access of every principal while no policy is configured. */
    public static DataAccess unrestricted() {
        return UNRESTRICTED;
    }

    /** Nothing at all: the access of a principal none of whose groups has a policy. */
    public static DataAccess nothing() {
        return NOTHING;
    }

    /** Whether no policy restricts this principal. */
    public boolean isUnrestricted() {
        return this.grants == null;
    }

    /** The groups whose policies make up this access, sorted; empty when unrestricted or nothing is granted. */
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        if (this.grants != null) {
            this.grants.forEach((grant) -> groups.add(grant.group()));
        }
        return groups;
    }

    public boolean allowsDatabase(String database) {
        String db = lower(database);
        return isUnrestricted() || this.grants.stream().anyMatch((grant) -> grant.allowsDatabase(db));
    }

    public boolean allowsTable(String database, String table) {
        String db = lower(database);
        String name = lower(table);
        return isUnrestricted() || this.grants.stream().anyMatch((grant) -> grant.allowsTable(db, name));
    }

    public boolean allowsColumn(String database, String table, String column) {
        String db = lower(database);
        String name = lower(table);
        String col = lower(column);
        return isUnrestricted() || this.grants.stream().anyMatch((grant) -> grant.allowsColumn(db, name, col));
    }

    /** The databases of {@code databases} this principal may read, in their order. */
    public List<String> databases(List<String> databases) {
        return isUnrestricted() ? databases : databases.stream().filter(this::allowsDatabase).toList();
    }

    /**
     * The table as this principal may see it: without the columns it may not read, or empty when it may
     * not read the table at all.
     */
    public Optional<TableInfo> visible(TableInfo table) {
        if (isUnrestricted()) {
            return Optional.of(table);
        }
        if (!allowsTable(table.database(), table.name())) {
            return Optional.empty();
        }
        List<ColumnInfo> columns = table.columns().stream()
                .filter((column) -> allowsColumn(table.database(), table.name(), column.name())).toList();
        return Optional.of((columns.size() == table.columns().size()) ? table : table.withColumns(columns));
    }

    /** The tables of {@code tables} this principal may read, in their order, each without its unreadable columns. */
    public List<TableInfo> filter(List<TableInfo> tables) {
        return isUnrestricted() ? tables : tables.stream().map(this::visible).flatMap(Optional::stream).toList();
    }

    /**
     * The catalog as this principal may see it: its databases, tables and columns, nothing else. Serves the
     * schema endpoints of the gateway, which then show a caller only what it may query.
     */
    public Catalog view(Catalog catalog) {
        return isUnrestricted() ? catalog : new PolicyCatalog(catalog, this);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return isUnrestricted() ? "DataAccess[unrestricted]" : "DataAccess" + groups();
    }
}
