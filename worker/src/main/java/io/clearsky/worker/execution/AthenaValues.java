package io.clearsky.worker.execution;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Athena returns every value as text; this turns it into the answer's value kinds by the column's type:
 * integers as Long, floating point as Double, booleans as Boolean, and the rest as text — decimals exact,
 * timestamps ISO-8601, and nested values (array, map, row) as Athena prints them: {@code [1, 2]},
 * {@code {a=1}}. Athena does not escape text inside nested values, so they cannot be turned into JSON
 * reliably.
 */
final class AthenaValues {

    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");

    private AthenaValues() {
    }

    /** The portable type name shared with the DuckDB engine, e.g. {@code integer} for {@code bigint}. */
    static String portableType(String athenaType) {
        String type = base(athenaType);
        return switch (type) {
            case "tinyint", "smallint", "integer", "int", "bigint" -> "integer";
            case "double", "float", "real" -> "double";
            case "decimal" -> "decimal";
            case "boolean" -> "boolean";
            case "varchar", "char", "string", "json", "uuid", "ipaddress" -> "string";
            case "date" -> "date";
            case "time", "time with time zone" -> "time";
            case "timestamp", "timestamp with time zone" -> "timestamp";
            case "varbinary" -> "binary";
            case "array" -> "array";
            case "map" -> "map";
            case "row", "struct" -> "struct";
            default -> "unknown";
        };
    }

    /** One value; {@code null} when Athena sent no value (SQL NULL). */
    static Object value(String athenaType, String text) {
        if (text == null) {
            return null;
        }
        String type = base(athenaType);
        try {
            return switch (portableType(type)) {
                case "integer" -> Long.parseLong(text);
                case "double" -> Double.parseDouble(text);
                case "boolean" -> Boolean.parseBoolean(text);
                case "timestamp" -> isoTimestamp(text);
                default -> text;
            };
        }
        catch (NumberFormatException ex) {
            // Athena prints NaN and Infinity its own way for doubles; keep the text rather than guess.
            return text;
        }
    }

    /** {@code 2024-01-02 03:04:05.000} as the DuckDB engine writes it, {@code 2024-01-02T03:04:05}; zoned ones stay as they are. */
    private static String isoTimestamp(String text) {
        if (!TIMESTAMP.matcher(text).matches()) {
            return text;
        }
        try {
            return LocalDateTime.parse(text.replaceFirst(" ", "T")).toString();
        }
        catch (DateTimeParseException ex) {
            return text;
        }
    }

    /** The type without its parameters: {@code decimal(10,2)} is {@code decimal}. */
    private static String base(String athenaType) {
        String type = athenaType.toLowerCase(Locale.ROOT).strip();
        int parameters = type.indexOf('(');
        return (parameters < 0) ? type : type.substring(0, parameters).strip();
    }
}
