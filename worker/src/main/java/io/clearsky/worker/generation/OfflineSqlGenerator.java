package io.clearsky.worker.generation;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers, without any model, the question shapes it can map onto the schema with certainty: counting
 * a table's rows, counting them per value of one of its columns, and listing rows. Anything else it
 * declines rather than guessing.
 */
public final class OfflineSqlGenerator implements SqlGenerator {

    private static final Pattern COUNT_BY = Pattern.compile(
            "how many ([\\p{L} _]+?) (?:are there |do we have |exist )?(?:per|by|for each|in each|for every) ([\\p{L} _]+)");

    private static final Pattern COUNT = Pattern.compile(
            "(?:how many ([\\p{L} _]+?)(?: are there| do we have| exist| in total| are in the data)?"
                    + "|(?:what is |what's )?the (?:number|count) of ([\\p{L} _]+?)|count (?:the |all )?([\\p{L} _]+?))");

    private static final Pattern LIST = Pattern.compile(
            "(?:list|show)(?: me)?(?: all| the)?(?: (?:first|top) )?(?: ?(\\d+))? ([\\p{L} _]+?)");

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Generation generate(GenerationRequest request) {
        String question = request.question().strip().toLowerCase(Locale.ROOT).replaceAll("[?.!\\s]+$", "")
                .replaceAll("\\s+", " ");
        List<TableInfo> tables = request.schema().tables();

        Matcher countBy = COUNT_BY.matcher(question);
        if (countBy.matches()) {
            Optional<TableInfo> table = resolveTable(countBy.group(1), tables);
            Optional<ColumnInfo> column = table.flatMap((t) -> resolveColumn(countBy.group(2), t));
            if (column.isPresent()) {
                String name = quote(column.get().name());
                return new Generation.Sql("SELECT " + name + ", count(*) AS " + table.get().name() + "_count FROM "
                        + quote(table.get().name()) + " GROUP BY " + name + " ORDER BY " + table.get().name()
                        + "_count DESC, " + name, "Counts the rows of " + table.get().name() + " for each "
                        + column.get().name() + ", largest first.");
            }
        }
        Matcher count = COUNT.matcher(question);
        if (count.matches()) {
            String phrase = firstNonNull(count.group(1), count.group(2), count.group(3));
            Optional<TableInfo> table = resolveTable(phrase, tables);
            if (table.isPresent()) {
                String name = table.get().name();
                return new Generation.Sql("SELECT count(*) AS " + name + "_count FROM " + quote(name),
                        "Counts all rows of the " + name + " table.");
            }
        }
        Matcher list = LIST.matcher(question);
        if (list.matches()) {
            Optional<TableInfo> table = resolveTable(list.group(2), tables);
            if (table.isPresent()) {
                int limit = (list.group(1) != null) ? Math.min(Integer.parseInt(list.group(1)), request.maxRows())
                        : Math.min(10, request.maxRows());
                return new Generation.Sql("SELECT * FROM " + quote(table.get().name()) + " LIMIT " + limit,
                        "Shows " + limit + " rows of the " + table.get().name() + " table.");
            }
        }
        return new Generation.CannotAnswer("The offline generator answers only counting and listing questions "
                + "about one table (e.g. \"How many orders are there?\", \"How many orders per status?\", "
                + "\"List 5 products\") and could not match this question to the schema with certainty.");
    }

    /** The table a phrase names: "order items" finds order_items, "customer" finds customers. */
    static Optional<TableInfo> resolveTable(String phrase, List<TableInfo> tables) {
        String wanted = phrase.strip().replaceAll("^(the|all|our|of) ", "").replace(' ', '_');
        return tables.stream().filter((table) -> sameName(table.name(), wanted)).findFirst();
    }

    private static Optional<ColumnInfo> resolveColumn(String phrase, TableInfo table) {
        String wanted = phrase.strip().replaceAll("^(the|its|their) ", "").replace(' ', '_');
        return table.columns().stream().filter((column) -> sameName(column.name(), wanted)).findFirst();
    }

    private static boolean sameName(String name, String wanted) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(wanted) || lower.equals(wanted + "s") || lower.equals(wanted + "es")
                || (wanted.endsWith("y") && lower.equals(wanted.substring(0, wanted.length() - 1) + "ies"))
                || (wanted.endsWith("s") && lower.equals(wanted.substring(0, wanted.length() - 1)));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return "";
    }
}
