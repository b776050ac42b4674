package io.clearsky.core.catalog;

import static io.clearsky.core.catalog.Identifiers.quote;

import io.clearsky.core.lake.DuckDbLake;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog of a DuckDB lake, read from {@code duckdb_tables()} and {@code duckdb_columns()} so that
 * table and column comments come along, with a few sample values of each text column. A read-only lake cannot change under us, so each database is
 * read once and kept.
 */
public final class DuckDbCatalog implements Catalog {

    private static final String DATABASES = """
            SELECT DISTINCT schema_name FROM duckdb_tables() WHERE NOT internal ORDER BY schema_name""";

    private static final String TABLES = """
            SELECT table_name, comment, estimated_size FROM duckdb_tables()
            WHERE schema_name = ? AND NOT internal ORDER BY table_name""";

    private static final String COLUMNS = """
            SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
            WHERE schema_name = ? AND NOT internal ORDER BY table_name, column_index""";

    private static final String CONSTRAINTS = """
            SELECT table_name, constraint_type, constraint_column_names, referenced_table, referenced_column_names
            FROM duckdb_constraints() WHERE schema_name = ? AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')
            ORDER BY table_name, constraint_index""";

    private static final int SAMPLES = 3;

    private static final int SAMPLED_ROWS = 1_000;

    /** Tables up to this size are scanned whole for their text columns' values. */
    private static final long MAX_SCANNED_ROWS = 1_000_000;

    /** A text column with at most this many values lists them all, so its values can be recognised in questions. */
    private static final int MAX_DOMAIN = 300;

    private static final int MAX_SAMPLE_LENGTH = 80;

    private final DuckDbLake lake;

    private final Map<String, List<TableInfo>> byDatabase = new ConcurrentHashMap<>();

    public DuckDbCatalog(DuckDbLake lake) {
        this.lake = lake;
    }

    @Override
    public String defaultDatabase() {
        return this.lake.database();
    }

    @Override
    public List<String> databases() {
        try (Connection connection = this.lake.connect();
                PreparedStatement statement = connection.prepareStatement(DATABASES);
                ResultSet rows = statement.executeQuery()) {
            List<String> databases = new ArrayList<>();
            while (rows.next()) {
                databases.add(rows.getString(1));
            }
            return List.copyOf(databases);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot list the databases of the lake: " + ex.getMessage(), ex);
        }
    }

    @Override
    public List<TableInfo> tables(String database) {
        return this.byDatabase.computeIfAbsent(database, this::load);
    }

    /**
     * Text columns with a few of their values; a large table is read from its first rows only, so it costs no
     * more than a small one, and ordered so the same lake always gives the same samples (documents are
     * re-embedded when their text changes). In a table of at most a million rows, a column with at most a
     * few hundred values lists them all, so an offline generator can recognise a value named in a question;
     * prompts and documents show only the first few.
     */
    private static List<ColumnInfo> sampled(Connection connection, String database, String table, long rows,
            List<ColumnInfo> columns) throws SQLException {
        List<ColumnInfo> sampled = new ArrayList<>();
        for (ColumnInfo column : columns) {
            if (!column.type().equalsIgnoreCase("VARCHAR")) {
                sampled.add(column);
                continue;
            }
            String name = quote(column.name());
            String source = (rows <= MAX_SCANNED_ROWS) ? quote(database) + "." + quote(table)
                    : "(SELECT " + name + " FROM " + quote(database) + "." + quote(table) + " LIMIT " + SAMPLED_ROWS + ")";
            // One more than the largest listed domain tells whether the whole domain was read.
            List<String> values = values(connection, "SELECT DISTINCT " + name + " FROM " + source + " WHERE " + name
                    + " IS NOT NULL ORDER BY 1 LIMIT " + (MAX_DOMAIN + 1));
            boolean all = rows <= MAX_SCANNED_ROWS && !values.isEmpty() && values.size() <= MAX_DOMAIN
                    && values.stream().allMatch((value) -> value.length() < MAX_SAMPLE_LENGTH);
            sampled.add(new ColumnInfo(column.name(), column.type(), column.comment(), column.partitionKey(),
                    all ? values : values.subList(0, Math.min(SAMPLES, values.size())), all));
        }
        return sampled;
    }

    private static List<String> values(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String value = rows.getString(1);
                values.add((value.length() > MAX_SAMPLE_LENGTH) ? value.substring(0, MAX_SAMPLE_LENGTH) : value);
            }
        }
        return values;
    }

    /** The declared primary and foreign keys of the database's tables, from {@code duckdb_constraints()}. */
    private static void readKeys(Connection connection, String database, Map<String, List<String>> primaryKeys,
            Map<String, List<TableInfo.ForeignKey>> foreignKeys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CONSTRAINTS)) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<String> columns = strings(rows.getArray(3));
                    if ("PRIMARY KEY".equals(rows.getString(2))) {
                        primaryKeys.put(rows.getString(1), columns);
                    }
                    else if (rows.getString(4) != null) {
                        foreignKeys.computeIfAbsent(rows.getString(1), (table) -> new ArrayList<>())
                                .add(new TableInfo.ForeignKey(columns, rows.getString(4), strings(rows.getArray(5))));
                    }
                }
            }
        }
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(String.valueOf(value));
        }
        return values;
    }

    private List<TableInfo> load(String database) {
        try (Connection connection = this.lake.connect()) {
            Map<String, List<ColumnInfo>> columns = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
                statement.setString(1, database);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        columns.computeIfAbsent(rows.getString(1), (table) -> new ArrayList<>())
                                .add(new ColumnInfo(rows.getString(2), rows.getString(3), rows.getString(4), false));
                    }
                }
            }
            Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
            Map<String, List<TableInfo.ForeignKey>> foreignKeys = new LinkedHashMap<>();
            readKeys(connection, database, primaryKeys, foreignKeys);
            List<TableInfo> tables = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
                statement.setString(1, database);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String name = rows.getString(1);
                        tables.add(new TableInfo(database, name, rows.getString(2),
                                sampled(connection, database, name, rows.getLong(3), columns.getOrDefault(name, List.of())),
                                rows.getLong(3), primaryKeys.get(name), foreignKeys.get(name)));
                    }
                }
            }
            return List.copyOf(tables);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot read the catalog of database " + database + ": " + ex.getMessage(), ex);
        }
    }
}
