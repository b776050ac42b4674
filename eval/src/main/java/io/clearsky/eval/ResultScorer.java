package io.clearsky.eval;

import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides whether an answer's result equals a gold result, by the evaluation set's rules: same numbers
 * of rows and columns; column names and order ignored (some permutation of the answer's columns must
 * match); rows as a multiset, or as a sequence when order matters; NULL equals NULL, numbers compare
 * numerically with a relative tolerance of 1e-6, booleans as 0/1, everything else by its text.
 */
public final class ResultScorer {

    static final double TOLERANCE = 1e-6;

    /** Column assignments tried before giving up on very wide results of look-alike columns. */
    private static final int MAX_ASSIGNMENTS = 10_000;

    private ResultScorer() {
    }

    public static boolean matches(ResultTable answer, ResultTable gold, boolean orderMatters) {
        if (answer.rows().size() != gold.rows().size() || answer.columnCount() != gold.columnCount()) {
            return false;
        }
        List<List<Object>> answerColumns = canonicalColumns(answer);
        List<List<Object>> goldColumns = canonicalColumns(gold);
        List<List<Object>> answerSorted = answerColumns.stream().map(ResultScorer::sorted).toList();
        List<List<Integer>> candidates = new ArrayList<>();
        for (List<Object> goldColumn : goldColumns) {
            List<Object> goldSorted = sorted(goldColumn);
            List<Integer> fitting = new ArrayList<>();
            for (int i = 0; i < answerSorted.size(); i++) {
                if (sameValues(answerSorted.get(i), goldSorted)) {
                    fitting.add(i);
                }
            }
            if (fitting.isEmpty()) {
                return false;
            }
            candidates.add(fitting);
        }
        return assign(0, new int[goldColumns.size()], new boolean[answerColumns.size()], candidates, answerColumns,
                goldColumns, orderMatters, new int[] { 0 });
    }

    /** Tries each assignment of answer columns to gold columns, depth first, until the rows match. */
    private static boolean assign(int goldIndex, int[] chosen, boolean[] used, List<List<Integer>> candidates,
            List<List<Object>> answerColumns, List<List<Object>> goldColumns, boolean orderMatters, int[] tried) {
        if (goldIndex == chosen.length) {
            tried[0]++;
            return rowsMatch(chosen, answerColumns, goldColumns, orderMatters);
        }
        for (int candidate : candidates.get(goldIndex)) {
            if (used[candidate] || tried[0] >= MAX_ASSIGNMENTS) {
                continue;
            }
            used[candidate] = true;
            chosen[goldIndex] = candidate;
            if (assign(goldIndex + 1, chosen, used, candidates, answerColumns, goldColumns, orderMatters, tried)) {
                return true;
            }
            used[candidate] = false;
        }
        return false;
    }

    private static boolean rowsMatch(int[] chosen, List<List<Object>> answerColumns, List<List<Object>> goldColumns,
            boolean orderMatters) {
        int rowCount = goldColumns.isEmpty() ? 0 : goldColumns.get(0).size();
        List<List<Object>> answerRows = new ArrayList<>(rowCount);
        List<List<Object>> goldRows = new ArrayList<>(rowCount);
        for (int row = 0; row < rowCount; row++) {
            List<Object> answerRow = new ArrayList<>(chosen.length);
            List<Object> goldRow = new ArrayList<>(chosen.length);
            for (int column = 0; column < chosen.length; column++) {
                answerRow.add(answerColumns.get(chosen[column]).get(row));
                goldRow.add(goldColumns.get(column).get(row));
            }
            answerRows.add(answerRow);
            goldRows.add(goldRow);
        }
        if (!orderMatters) {
            answerRows = sortedByKey(answerRows, ResultScorer::rowKey);
            goldRows = sortedByKey(goldRows, ResultScorer::rowKey);
        }
        for (int row = 0; row < rowCount; row++) {
            if (!sameValues(answerRows.get(row), goldRows.get(row))) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Object>> canonicalColumns(ResultTable table) {
        List<List<Object>> columns = new ArrayList<>();
        for (int column = 0; column < table.columnCount(); column++) {
            List<Object> values = new ArrayList<>(table.rows().size());
            for (List<Object> row : table.rows()) {
                values.add(canonical(row.get(column), table.types().get(column)));
            }
            columns.add(values);
        }
        return columns;
    }

    /** A value as null, a Double or a String: the three kinds the rules compare. */
    static Object canonical(Object value, String type) {
        return switch (value) {
            case null -> null;
            case Boolean bool -> bool ? 1.0 : 0.0;
            case Number number -> number.doubleValue();
            case String text when isNumericType(type) -> parseOrKeep(text);
            default -> value.toString();
        };
    }

    static boolean sameValue(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y) || Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a instanceof Double || b instanceof Double) {
            Object number = (a instanceof Double) ? a : b;
            Object text = (a instanceof Double) ? b : a;
            Object parsed = parseOrKeep((String) text);
            return (parsed instanceof Double) ? sameValue(number, parsed) : text(number).equals(text);
        }
        return a.equals(b);
    }

    private static boolean sameValues(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> sorted(List<Object> column) {
        return sortedByKey(column, ResultScorer::valueKey);
    }

    /** {@code values} sorted by their keys, each key built once rather than at every comparison. */
    private static <T> List<T> sortedByKey(List<T> values, Function<T, String> key) {
        List<Map.Entry<String, T>> keyed = new ArrayList<>(values.size());
        values.forEach((value) -> keyed.add(new AbstractMap.SimpleImmutableEntry<>(key.apply(value), value)));
        keyed.sort(Map.Entry.comparingByKey());
        return keyed.stream().map(Map.Entry::getValue).toList();
    }

    private static String rowKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        row.forEach((value) -> key.append(valueKey(value)).append('\u0001'));
        return key.toString();
    }

    /**
     * A sort key under which equal values sort together: numbers by a rounded fixed-width form (so
     * values within the tolerance almost always share a key), text after numbers, nulls first.
     */
    private static String valueKey(Object value) {
        if (value == null) {
            return "0";
        }
        if (value instanceof Double number) {
            return "1" + numberKey(number);
        }
        Object parsed = parseOrKeep((String) value);
        return (parsed instanceof Double number) ? "1" + numberKey(number) : "2" + value;
    }

    private static String numberKey(double number) {
        // Sign, then exponent and mantissa rounded to 6 significant digits, so numeric order is kept.
        if (number == 0) {
            return "1|0";
        }
        String scientific = String.format(Locale.ROOT, "%.5e", Math.abs(number));
        int exponent = Integer.parseInt(scientific.substring(scientific.indexOf('e') + 1));
        String mantissa = scientific.substring(0, scientific.indexOf('e'));
        String magnitude = String.format(Locale.ROOT, "%04d%s", exponent + 1000, mantissa);
        return (number > 0) ? "2|" + magnitude : "0|" + invert(magnitude);
    }

    private static String invert(String digits) {
        StringBuilder inverted = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            inverted.append(Character.isDigit(c) ? (char) ('9' - (c - '0')) : c);
        }
        return inverted.toString();
    }

    private static boolean isNumericType(String type) {
        return "integer".equals(type) || "double".equals(type) || "decimal".equals(type);
    }

    private static Object parseOrKeep(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || !(Character.isDigit(trimmed.charAt(0)) || trimmed.charAt(0) == '-'
                || trimmed.charAt(0) == '.' || trimmed.charAt(0) == '+')) {
            return text;
        }
        try {
            return Double.parseDouble(trimmed);
        }
        catch (NumberFormatException ex) {
            return text;
        }
    }

    private static String text(Object number) {
        double value = (Double) number;
        return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value) : Double.toString(value);
    }
}
