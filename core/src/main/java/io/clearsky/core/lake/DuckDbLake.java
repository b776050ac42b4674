package io.clearsky.core.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * A DuckDB database file opened once, read-only, for the life of the process. Each caller gets its own
 * cheap duplicate connection, so concurrent queries do not share a statement or transaction. Read-only
 * is a second line of defence: even SQL that slipped past the guard cannot change the lake.
 */
public final class DuckDbLake implements AutoCloseable {

    private final String database;

    private final DuckDBConnection root;

    public DuckDbLake(Path path, String database) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("DuckDB lake file " + path + " does not exist");
        }
        this.database = database;
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try {
            this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath(), properties);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot open DuckDB lake " + path + ": " + ex.getMessage(), ex);
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
