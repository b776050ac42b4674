package io.clearsky.core.chart;

import io.clearsky.schemas.avro.ResultColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one result column can be on a chart: a time axis, a measure, a category, or nothing.
 *
 * @param index the column's position in each row
 * @param name the column's name
 * @param role its role
 * @param distinct how many distinct non-null values it has
 * @param longestLabel length of its longest value as text
 */
record ColumnProfile(int index, String name, Role role, int distinct, int longestLabel) {

    enum Role {
        TIME, MEASURE, CATEGORY, OTHER
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?([ T]\\d{2}:\\d{2}.*)?");

    private static final Pattern YEAR_NAME = Pattern.compile("(?i)(.*_)?(year|yr)");

    /** Identifiers and codes are labels even when they are numbers. */
    private static final Pattern ID_NAME = Pattern.compile("(?i)(.*_)?(id|key|code|zip|zipcode|postcode|phone)");

    static List<ColumnProfile> of(List<ResultColumn> columns, List<List<Object>> rows) {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            profiles.add(profile(i, columns.get(i), rows));
        }
        return profiles;
    }

    private static ColumnProfile profile(int index, ResultColumn column, List<List<Object>> rows) {
        Set<Object> distinct = new HashSet<>();
        int longest = 0;
        boolean allIsoDates = true;
        boolean allYears = true;
        for (List<Object> row : rows) {
            Object value = row.get(index);
            if (value == null) {
                continue;
            }
            distinct.add(value);
            String text = value.toString();
            longest = Math.max(longest, text.length());
            allIsoDates &= ISO_DATE.matcher(text).matches();
            allYears &= (value instanceof Long year) && year >= 1800 && year <= 2200;
        }
        String name = column.getName();
        return new ColumnProfile(index, name, role(column.getType().toLowerCase(Locale.ROOT), name, allIsoDates,
                allYears, !distinct.isEmpty()), distinct.size(), longest);
    }

    private static Role role(String type, String name, boolean isoDates, boolean years, boolean hasValues) {
        return switch (type) {
            case "date", "timestamp" -> Role.TIME;
            case "string" -> (hasValues && isoDates) ? Role.TIME : Role.CATEGORY;
            case "integer" -> (hasValues && years && YEAR_NAME.matcher(name).matches()) ? Role.TIME
                    : ID_NAME.matcher(name).matches() ? Role.CATEGORY : Role.MEASURE;
            case "double", "decimal" -> Role.MEASURE;
            case "boolean" -> Role.CATEGORY;
            default -> Role.OTHER;
        };
    }

    boolean is(Role role) {
        return this.role == role;
    }

    /** The value as a number for plotting: null for nulls and for text that is not a number. */
    Double number(List<Object> row) {
        Object value = row.get(this.index);
        return switch (value) {
            case null -> null;
            case Number number -> number.doubleValue();
            case String text -> parse(text);
            default -> null;
        };
    }

    /** The value as an axis or legend label. */
    String label(List<Object> row) {
        Object value = row.get(this.index);
        return (value != null) ? value.toString() : "(null)";
    }

    private static Double parse(String text) {
        try {
            return new BigDecimal(text.strip()).doubleValue();
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
