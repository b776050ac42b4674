package io.clearsky.worker.execution;

import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.schemas.avro.ExecutionStatistics;
import io.clearsky.schemas.avro.ResultColumn;
import io.clearsky.worker.execution.EngineException.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs queries on the local DuckDB lake, one fresh connection and statement per query. A result larger
 * than the full-result limit is written in full to a CSV file in the spill directory as it is read, so
 * the query runs once.
 */
public final class DuckDbEngine implements QueryEngine {

    private final DuckDbLake lake;

    private final Path spillDirectory;

    /**
     * @param spillDirectory where full results are written; null to only count the rows not shown
     */
    public DuckDbEngine(DuckDbLake lake, Path spillDirectory) {
        this.lake = lake;
        this.spillDirectory = spillDirectory;
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public EngineResult execute(EngineQuery query, Consumer<Runnable> onCancellable) throws EngineException {
        long start = System.nanoTime();
        CsvSpill spill = null;
        try (Connection connection = this.lake.connect(); Statement statement = connection.createStatement()) {
            onCancellable.accept(() -> cancelQuietly(statement));
            try (ResultSet results = statement.executeQuery(query.sql())) {
                ResultSetMetaData meta = results.getMetaData();
                List<ResultColumn> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(new ResultColumn(meta.getColumnLabel(i), portableType(meta.getColumnType(i)),
                            meta.getColumnTypeName(i)));
                }
                List<List<Object>> rows = new ArrayList<>();
                long rowCount = 0;
                while (results.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(value(results.getObject(i)));
                    }
                    if (spill == null && this.spillDirectory != null && rowCount >= query.fullResultAbove()) {
                        // Every earlier row is still in the answer's rows: fullResultAbove never exceeds maxRows.
                        spill = CsvSpill.start(this.spillDirectory,
                                columns.stream().map(ResultColumn::getName).toList(), rows);
                    }
                    if (rowCount < query.maxRows()) {
                        rows.add(row);
                    }
                    if (spill != null) {
                        spill.write(row);
                    }
                    rowCount++;
                }
                FullResult full = null;
                if (spill != null) {
                    spill.close();
                    full = new FullResult.LocalFile(spill.path());
                }
                ExecutionStatistics statistics = ExecutionStatistics.newBuilder().setEngine(name())
                        .setEngineExecutionMs(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).build();
                return new EngineResult(columns, rows, rowCount, rowCount > rows.size(), statistics, full);
            }
        }
        catch (SQLException ex) {
            discard(spill);
            throw new EngineException(EngineErrors.classify(ex.getMessage()), ex.getMessage(), ex);
        }
        catch (IOException ex) {
            discard(spill);
            throw new EngineException(Kind.CONFIGURATION, "Cannot write the full result to " + this.spillDirectory
                    + ": " + ex.getMessage(), ex);
        }
    }

    private static void discard(CsvSpill spill) {
        if (spill != null) {
            try {
                spill.close();
                Files.deleteIfExists(spill.path());
            }
            catch (IOException ex) {
                // A leftover part file in the spill directory is all that remains; nothing to tell the asker.
            }
        }
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        }
        catch (SQLException ex) {
            // The statement finished or closed first: nothing left to stop.
        }
    }

    static String portableType(int jdbcType) {
        return switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "integer";
            case Types.FLOAT, Types.REAL, Types.DOUBLE -> "double";
            case Types.DECIMAL, Types.NUMERIC -> "decimal";
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB -> "string";
            case Types.DATE -> "date";
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> "time";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            case Types.ARRAY -> "array";
            case Types.STRUCT -> "struct";
            default -> "unknown";
        };
    }

    /** A JDBC value as one of the answer's value kinds: Long, Double, Boolean, String or null. */
    static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case Boolean bool -> bool;
            case Byte number -> number.longValue();
            case Short number -> number.longValue();
            case Integer number -> number.longValue();
            case Long number -> number;
            case BigInteger number -> (number.bitLength() < 64) ? (Object) number.longValue() : number.toString();
            case Float number -> number.doubleValue();
            case Double number -> number;
            case BigDecimal number -> number.toPlainString();
            case java.sql.Timestamp timestamp -> timestamp.toLocalDateTime().toString();
            case java.sql.Date date -> date.toLocalDate().toString();
            default -> value.toString();
        };
    }
}
