package io.clearsky.worker.execution;

import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.schemas.avro.ResultColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs queries on the local DuckDB lake, one fresh connection and statement per query.
 */
public final class DuckDbEngine implements QueryEngine {

    private final DuckDbLake lake;

    public DuckDbEngine(DuckDbLake lake) {
        this.lake = lake;
    }

    @Override
    public EngineResult execute(String sql, int maxRows, Consumer<Runnable> onCancellable) throws EngineException {
        try (Connection connection = this.lake.connect(); Statement statement = connection.createStatement()) {
            onCancellable.accept(() -> cancelQuietly(statement));
            try (ResultSet results = statement.executeQuery(sql)) {
                ResultSetMetaData meta = results.getMetaData();
                List<ResultColumn> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(new ResultColumn(meta.getColumnLabel(i), portableType(meta.getColumnType(i)),
                            meta.getColumnTypeName(i)));
                }
                List<List<Object>> rows = new ArrayList<>();
                long rowCount = 0;
                while (results.next()) {
                    if (rowCount < maxRows) {
                        List<Object> row = new ArrayList<>(columns.size());
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(value(results.getObject(i)));
                        }
                        rows.add(row);
                    }
                    rowCount++;
                }
                return new EngineResult(columns, rows, rowCount);
            }
        }
        catch (SQLException ex) {
            throw new EngineException(ex.getMessage(), false, ex);
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
