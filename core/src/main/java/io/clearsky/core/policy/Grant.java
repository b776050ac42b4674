package io.clearsky.core.policy;

import java.util.List;

/**
 * One group's policy, read once into names: answers whether the group may read a database, a table or a
 * column. Arguments are in lower case.
 */
final class Grant {

    private final String group;

    private final List<String> databases;

    private final List<ObjectName> tables;

    private final List<ObjectName> deniedTables;

    private final List<ObjectName> columns;

    private final List<ObjectName> deniedColumns;

    Grant(String group, DataPolicyProperties.Policy policy) {
        String field = DataPolicyProperties.PREFIX + "policies." + group;
        this.group = group;
        this.databases = policy.databases();
        this.tables = policy.names(policy.tables(), field + ".tables", 1);
        this.deniedTables = policy.names(policy.deniedTables(), field + ".denied-tables", 1);
        this.columns = policy.names(policy.columns(), field + ".columns", 2);
        this.deniedColumns = policy.names(policy.deniedColumns(), field + ".denied-columns", 2);
    }

    String group() {
        return this.group;
    }

    boolean allowsDatabase(String database) {
        return this.databases.contains("*") || this.databases.contains(database);
    }

    boolean allowsTable(String database, String table) {
        return allowsDatabase(database)
                && this.deniedTables.stream().noneMatch((name) -> name.namesTable(database, table))
                && (this.tables.isEmpty() || this.tables.stream().anyMatch((name) -> name.namesTable(database, table)));
    }

    boolean allowsColumn(String database, String table, String column) {
        if (!allowsTable(database, table)
                || this.deniedColumns.stream().anyMatch((name) -> name.namesColumn(database, table, column))) {
            return false;
        }
        List<ObjectName> listed = this.columns.stream().filter((name) -> name.namesTable(database, table)).toList();
        return listed.isEmpty() || listed.stream().anyMatch((name) -> name.column().equals(column));
    }
}
