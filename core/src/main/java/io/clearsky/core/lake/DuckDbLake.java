package io.clearsky.core.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * A DuckDB database opened once for the life of the process. Each caller gets its own cheap duplicate
 * connection, so concurrent queries do not share a statement or transaction. No external access is a
 * second line of defence: even SQL that slipped past the guard cannot read a file or load an extension.
 */
public final class DuckDbLake implements AutoCloseable {

    private final String database;

    private final DuckDBConnection root;

    private DuckDbLake(DuckDBConnection root, String database) {
        this.root = root;
        this.database = database;
    }

    /** Opens a database file read-only. */
    public static DuckDbLake open(Path path, String database) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("DuckDB lake file " + path + " does not exist");
        }
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        try {
            return new DuckDbLake((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath(),
                    properties), database);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot open DuckDB lake " + path + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Builds an in-memory database from a folder of scripts: {@code schema.sql}, then {@code load.sql},
     * which may read data files relative to the folder. External access is switched off once loaded.
     */
    public static DuckDbLake load(Path folder) {
        try {
            DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = root.createStatement()) {
                statement.execute("SET file_search_path = '" + folder.toAbsolutePath().toString().replace("'", "''") + "'");
                for (String script : new String[] { "schema.sql", "load.sql" }) {
                    Path file = folder.resolve(script);
                    if (Files.isRegularFile(file)) {
                        statement.execute(Files.readString(file));
                    }
                }
                statement.execute("SET enable_external_access = false");
            }
            catch (SQLException | IOException | RuntimeException ex) {
                root.close();
                throw ex;
            }
            return new DuckDbLake(root, "main");
        }
        catch (SQLException | IOException ex) {
            throw new IllegalStateException("Cannot load the DuckDB scripts of " + folder + ": " + ex.getMessage(), ex);
        }
    }

    /** A new connection to the lake; the caller closes it. */
    public Connection connect() throws SQLException {
        Connection connection = this.root.duplicate();
        connection.setSchema(this.database);
        return connection;
    }

    /** The schema queries run against. */
    public String database() {
        return this.database;
    }

    @Override
    public void close() throws SQLException {
        this.root.close();
    }
}
