package io.clearsky.worker.generation;

import static io.clearsky.worker.generation.OfflineSqlGenerator.isNumeric;
import static io.clearsky.worker.generation.OfflineSqlGenerator.quote;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a one-table question word by word: what to compute (a count, a distinct count, an aggregate of a
 * column, or a column's values), over which table, filtered by values and numbers named in it. It
 * answers only when every word of the question is accounted for — an intent word, the table, a column,
 * a value of a column whose whole domain the catalog knows, a comparison with a number, or a word that
 * carries no meaning — so a question with anything it does not understand is declined, not guessed.
 */
final class OfflineQuestionParser {

    private static final Set<String> FILLER = Set.of("the", "a", "an", "of", "in", "on", "at", "for", "to", "is", "are",
            "was", "were", "be", "there", "do", "does", "did", "we", "have", "has", "had", "all", "that", "which", "who",
            "whose", "with", "by", "from", "and", "me", "us", "our", "please", "list", "show", "give", "return", "find",
            "tell", "what", "whats", "how", "many", "much", "number", "count", "total", "listed", "recorded", "stored",
            "exist", "exists", "table", "tables", "each", "every", "their", "its", "it", "they", "them", "those", "these",
            "this", "any", "records", "entries", "rows", "data", "database", "value", "values", "about", "can", "you",
            "i", "want", "know", "get", "out", "name", "names", "as", "s", "currently", "overall", "altogether",
            "existing", "available", "known", "registered");

    private static final Set<String> DISTINCT = Set.of("distinct", "different", "unique");

    private static final Set<String> GENERIC_SUFFIXES = Set.of("data", "info", "information", "details", "records",
            "list", "table", "tbl");

    private static final Map<String, String> AGGREGATES = Map.ofEntries(Map.entry("average", "avg"),
            Map.entry("mean", "avg"), Map.entry("avg", "avg"), Map.entry("sum", "sum"), Map.entry("total", "sum"),
            Map.entry("maximum", "max"), Map.entry("max", "max"), Map.entry("highest", "max"), Map.entry("largest", "max"),
            Map.entry("biggest", "max"), Map.entry("minimum", "min"), Map.entry("min", "min"), Map.entry("lowest", "min"),
            Map.entry("smallest", "min"));

    private static final Pattern COMPARISON = Pattern.compile("(more than|greater than|larger than|bigger than|higher than"
            + "|over|above|at least|no less than|not less than|less than|fewer than|smaller than|lower than|below|under"
            + "|at most|no more than|not more than|equal to|exactly|between) (-?\\d+(?:\\.\\d+)?)(?: and (-?\\d+(?:\\.\\d+)?))?");

    private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("more than", ">"),
            Map.entry("greater than", ">"), Map.entry("larger than", ">"), Map.entry("bigger than", ">"),
            Map.entry("higher than", ">"), Map.entry("over", ">"), Map.entry("above", ">"), Map.entry("at least", ">="),
            Map.entry("no less than", ">="), Map.entry("not less than", ">="), Map.entry("less than", "<"),
            Map.entry("fewer than", "<"), Map.entry("smaller than", "<"), Map.entry("lower than", "<"),
            Map.entry("below", "<"), Map.entry("under", "<"), Map.entry("at most", "<="), Map.entry("no more than", "<="),
            Map.entry("not more than", "<="), Map.entry("equal to", "="), Map.entry("exactly", "="));

    private OfflineQuestionParser() {
    }

    /** The SQL and its explanation, or empty when some word of the question is not understood. */
    static Optional<Generation.Sql> parse(String question, List<TableInfo> tables, int maxRows) {
        String cased = " " + question.replaceAll("[^\\p{L}\\p{N}.\\- ]", " ")
                .replaceAll("(?<=\\D)\\.|\\.(?=\\D)", " ").replaceAll("\\s+", " ").strip() + " ";
        String text = cased.toLowerCase(Locale.ROOT);
        for (TableInfo table : tables) {
            Optional<Generation.Sql> sql = parse(text, cased, table, maxRows);
            if (sql.isPresent()) {
                return sql;
            }
        }
        return Optional.empty();
    }

    private static Optional<Generation.Sql> parse(String text, String cased, TableInfo table, int maxRows) {
        Set<String> covered = new LinkedHashSet<>();
        List<String> conditions = new ArrayList<>();
        List<String> described = new ArrayList<>();
        // Values first: they may contain words that are also column or table names.
        String rest = text;
        List<String[]> found = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            if (!column.allValues()) {
                continue;
            }
            for (String value : column.samples()) {
                String trimmed = value.strip();
                String spoken = " " + spoken(trimmed) + " ";
                // Codes (AHD, USA) count only as written; words only when they mean something by themselves.
                boolean code = trimmed.length() <= 4 && trimmed.equals(trimmed.toUpperCase(Locale.ROOT))
                        && trimmed.chars().anyMatch(Character::isLetter);
                boolean mentioned = code ? cased.contains(" " + trimmed + " ")
                        : spoken.strip().length() >= 3 && !FILLER.contains(spoken.strip()) && rest.contains(spoken);
                if (mentioned) {
                    found.add(new String[] { column.name(), value, spoken });
                }
            }
        }
        found.sort(Comparator.comparingInt((String[] match) -> -match[2].length()));
        Set<String> constrained = new LinkedHashSet<>();
        for (String[] match : found) {
            boolean elsewhere = found.stream().anyMatch((other) -> other[2].equals(match[2]) && !other[0].equals(match[0]));
            if (elsewhere || !constrained.add(match[0])) {
                // The same words name values of two columns, or two values of one column: not sure which is meant.
                return Optional.empty();
            }
            if (!rest.contains(match[2])) {
                constrained.remove(match[0]);
                continue;
            }
            conditions.add(quote(match[0]) + " = '" + match[1].replace("'", "''") + "'");
            described.add(match[0] + " is " + match[1].strip());
            // "abbreviation UAL": the column's name labels the value and is not asked for.
            String label = " " + String.join(" ", parts(match[0])) + match[2];
            rest = rest.contains(label) ? rest.replace(label, " ") : rest.replace(match[2], " ");
        }
        // Ordering, superlatives and grouping name their column right after their words.
        ColumnInfo orderBy = null;
        boolean descending = false;
        Integer limit = null;
        ColumnInfo groupBy = null;
        for (ColumnInfo column : table.columns()) {
            String name = phrase(column);
            Matcher order = Pattern.compile(" (?:in (ascending|descending|alphabetical) order of|(?:ordered|sorted|sort) by)"
                    + "(?: the| their| its)? " + name + "(?: (?:in )?(ascending|descending|alphabetical)(?: order)?)? ").matcher(rest);
            if (order.find()) {
                String direction = (order.group(1) != null) ? order.group(1) : order.group(2);
                if (orderBy != null) {
                    return Optional.empty();
                }
                orderBy = column;
                descending = "descending".equals(direction);
                rest = rest.substring(0, order.start()) + " " + rest.substring(order.end());
            }
            Matcher superlative = Pattern.compile(" (?:with |has |have |of )?(?:the )?(?:top (\\d+) )?(?:(\\d+) )?"
                    + "(highest|largest|greatest|biggest|most|lowest|smallest|fewest|least) " + name + " ").matcher(rest);
            if (superlative.find() && isNumeric(column)) {
                if (orderBy != null) {
                    return Optional.empty();
                }
                orderBy = column;
                descending = Set.of("highest", "largest", "greatest", "biggest", "most").contains(superlative.group(3));
                String count = (superlative.group(1) != null) ? superlative.group(1) : superlative.group(2);
                limit = (count != null) ? Integer.valueOf(count) : 1;
                rest = rest.substring(0, superlative.start()) + " " + rest.substring(superlative.end());
            }
            Matcher group = Pattern.compile(" (?:in each|for each|for every|per|by each) " + name + " ").matcher(rest);
            if (group.find()) {
                if (groupBy != null) {
                    return Optional.empty();
                }
                groupBy = column;
                rest = rest.substring(0, group.start()) + " " + rest.substring(group.end());
            }
        }
        Matcher plainOrder = Pattern.compile(" (?:in |by )?(ascending|descending)(?: order)? ").matcher(rest);
        if (orderBy == null && plainOrder.find()) {
            descending = plainOrder.group(1).equals("descending");
            rest = rest.substring(0, plainOrder.start()) + " (order) " + rest.substring(plainOrder.end());
        }
        // A comparison belongs to the column named right before it ("population is over 5") or right after
        // its number ("more than 4 cylinders"); anything else, such as "more than 10 flights", is not understood.
        Set<ColumnInfo> filters = new LinkedHashSet<>();
        Matcher comparison = COMPARISON.matcher(rest);
        StringBuilder remaining = new StringBuilder();
        int last = 0;
        while (comparison.find()) {
            String before = rest.substring(last, comparison.start());
            String after = rest.substring(comparison.end());
            ColumnInfo column = columnBefore(before, table);
            boolean named = column != null;
            if (!named) {
                column = columnAfter(after, table);
            }
            if (column == null || !isNumeric(column)) {
                return Optional.empty();
            }
            String operator = comparison.group(1);
            if (operator.equals("between") && comparison.group(3) == null || !operator.equals("between") && !OPERATORS.containsKey(operator)) {
                return Optional.empty();
            }
            conditions.add(operator.equals("between")
                    ? quote(column.name()) + " BETWEEN " + comparison.group(2) + " AND " + comparison.group(3)
                    : quote(column.name()) + " " + OPERATORS.get(operator) + " " + comparison.group(2));
            described.add(column.name() + " " + operator + " " + comparison.group(2)
                    + ((comparison.group(3) != null) ? " and " + comparison.group(3) : ""));
            filters.add(column);
            String rewritten = named ? withoutLastName(before, column) + " # " : before + " # ";
            remaining.append(rewritten);
            last = named ? comparison.end() : comparison.end() + nameLength(after, column);
        }
        remaining.append(rest.substring(Math.min(last, rest.length())));
        List<String> words = new ArrayList<>(List.of(remaining.toString().strip().split(" ")));
        words.removeIf(String::isBlank);

        // cars_data is "cars" in a question: trailing words such as data or info name no thing.
        String spokenTable = (nameAt(words, table.name()) >= 0) ? table.name() : withoutGenericSuffix(table.name());
        int at = nameAt(words, spokenTable);
        boolean alsoAColumn = !spokenTable.equals(table.name()) && table.columns().stream()
                .anyMatch((column) -> parts(column.name()).size() == parts(spokenTable).size()
                        && matches(parts(column.name()), parts(spokenTable)));
        if (at < 0 || alsoAColumn) {
            // model_list's "models" may be its Model column: not sure which is meant.
            return Optional.empty();
        }
        // "airline names" asks for the column that names an airline.
        int after = at + parts(spokenTable).size();
        boolean namesAsked = after < words.size() && Set.of("name", "names").contains(words.get(after));
        removeName(words, spokenTable);
        String intent = intent(text);
        // "average" is a column of some tables and an aggregate word everywhere: not sure which is meant.
        if (table.columns().stream().anyMatch((column) -> parts(column.name()).size() == 1
                && AGGREGATES.containsKey(parts(column.name()).getFirst()) && words.contains(parts(column.name()).getFirst()))) {
            return Optional.empty();
        }
        boolean distinct = words.stream().anyMatch(DISTINCT::contains);
        List<String> aggregates = words.stream().filter(AGGREGATES::containsKey).map(AGGREGATES::get).distinct().toList();
        // Where each aggregate word and each column stands, to pair "total population and maximum GNP".
        List<Integer> aggregateAt = new ArrayList<>();
        List<String> aggregateFunctions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (AGGREGATES.containsKey(words.get(i))) {
                aggregateAt.add(i);
                aggregateFunctions.add(AGGREGATES.get(words.get(i)));
            }
        }
        Map<ColumnInfo, Integer> columnAt = new HashMap<>();
        List<ColumnInfo> targets = new ArrayList<>();
        if (namesAsked) {
            nameColumn(table).ifPresent(targets::add);
        }
        for (ColumnInfo column : table.columns().stream()
                .sorted(Comparator.comparingInt((ColumnInfo column) -> -parts(column.name()).size())).toList()) {
            int position = nameAt(words, column.name());
            while (removeName(words, column.name())) {
                if (!targets.contains(column)) {
                    targets.add(column);
                    columnAt.put(column, position);
                }
                // Keep positions comparable: what was removed is replaced by a marker word.
                for (int i = 0; i < parts(column.name()).size(); i++) {
                    words.add(position, "#");
                }
                position = nameAt(words, column.name());
            }
        }
        boolean orderAsked = words.remove("(order)");
        words.removeIf((word) -> FILLER.contains(word) || DISTINCT.contains(word) || AGGREGATES.containsKey(word)
                || word.equals("#"));
        if (!words.isEmpty()) {
            return Optional.empty();
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String filtered = described.isEmpty() ? "" : " where " + String.join(" and ", described);
        String from = " FROM " + quote(table.name()) + where;
        if (groupBy != null) {
            return grouped(intent, aggregates, targets, groupBy, table, from, filtered, distinct || orderBy != null || orderAsked);
        }
        if (!"list".equals(intent) && (orderBy != null || orderAsked)) {
            return Optional.empty();
        }
        if ("count".equals(intent) && aggregates.isEmpty()) {
            if (distinct && targets.size() == 1) {
                return Optional.of(new Generation.Sql("SELECT count(DISTINCT " + quote(targets.getFirst().name()) + ")" + from,
                        "Counts the different " + targets.getFirst().name() + " values of " + table.name() + filtered + "."));
            }
            if (!targets.isEmpty() || distinct) {
                return Optional.empty();
            }
            return Optional.of(new Generation.Sql("SELECT count(*)" + from,
                    "Counts the rows of " + table.name() + filtered + "."));
        }
        if (!aggregates.isEmpty() && targets.size() == 1 && isNumeric(targets.getFirst()) && !distinct) {
            String column = quote(targets.getFirst().name());
            return Optional.of(new Generation.Sql("SELECT " + String.join(", ", aggregates.stream()
                    .map((function) -> function + "(" + column + ")").toList()) + from, "Computes the "
                    + String.join(", ", aggregates) + " of " + targets.getFirst().name() + " over " + table.name()
                    + filtered + "."));
        }
        if (aggregateAt.size() > 1 && targets.size() == aggregateAt.size() && !distinct) {
            List<String> selected = new ArrayList<>();
            List<ColumnInfo> byPosition = targets.stream()
                    .sorted(Comparator.comparingInt((ColumnInfo column) -> columnAt.getOrDefault(column, -1))).toList();
            for (int i = 0; i < aggregateAt.size(); i++) {
                ColumnInfo column = byPosition.get(i);
                int next = (i + 1 < aggregateAt.size()) ? aggregateAt.get(i + 1) : Integer.MAX_VALUE;
                int position = columnAt.getOrDefault(column, -1);
                if (position < aggregateAt.get(i) || position > next || !isNumeric(column)) {
                    return Optional.empty();
                }
                selected.add(aggregateFunctions.get(i) + "(" + quote(column.name()) + ")");
            }
            return Optional.of(new Generation.Sql("SELECT " + String.join(", ", selected) + from, "Computes "
                    + String.join(", ", selected) + " over " + table.name() + filtered + "."));
        }
        if ("list".equals(intent) && aggregates.isEmpty()) {
            targets.removeIf(filters::contains);
            if (targets.stream().anyMatch((column) -> constrained.contains(column.name()))) {
                // Asking for a column while naming one of its values ("which city ... the Alton airport"):
                // the value probably belongs to another column the catalog cannot list in full.
                return Optional.empty();
            }
            if (targets.isEmpty()) {
                nameColumn(table).ifPresent(targets::add);
            }
            if (targets.isEmpty()) {
                return Optional.empty();
            }
            ColumnInfo sortedBy = (orderBy != null) ? orderBy : (orderAsked && targets.size() == 1) ? targets.getFirst() : null;
            if (orderAsked && sortedBy == null) {
                return Optional.empty();
            }
            String columns = String.join(", ", targets.stream().map((column) -> quote(column.name())).toList());
            String order = (sortedBy == null) ? "" : " ORDER BY " + quote(sortedBy.name()) + (descending ? " DESC" : "");
            int rows = (limit != null) ? Math.min(limit, maxRows) : maxRows;
            return Optional.of(new Generation.Sql("SELECT " + (distinct ? "DISTINCT " : "") + columns + from + order
                    + " LIMIT " + rows, "Lists the " + (distinct ? "different " : "") + String.join(", ",
                            targets.stream().map(ColumnInfo::name).toList()) + " of " + table.name() + filtered
                            + ((sortedBy == null) ? "" : ", " + (descending ? "largest" : "smallest") + " "
                                    + sortedBy.name() + " first") + ((limit != null) ? ", " + rows + " at most" : "") + "."));
        }
        return Optional.empty();
    }

    /** "How many X in each Y", "average Z per Y": one row per value of the grouping column. */
    private static Optional<Generation.Sql> grouped(String intent, List<String> aggregates, List<ColumnInfo> targets,
            ColumnInfo groupBy, TableInfo table, String from, String filtered, boolean unsupported) {
        targets.remove(groupBy);
        String key = quote(groupBy.name());
        if (unsupported) {
            return Optional.empty();
        }
        if ("count".equals(intent) && aggregates.isEmpty() && targets.isEmpty()) {
            return Optional.of(new Generation.Sql("SELECT " + key + ", count(*)" + from + " GROUP BY " + key,
                    "Counts the rows of " + table.name() + filtered + " for each " + groupBy.name() + "."));
        }
        if (aggregates.size() == 1 && targets.size() == 1 && isNumeric(targets.getFirst())) {
            String value = aggregates.getFirst() + "(" + quote(targets.getFirst().name()) + ")";
            return Optional.of(new Generation.Sql("SELECT " + key + ", " + value + from + " GROUP BY " + key,
                    "Computes " + value + " of " + table.name() + filtered + " for each " + groupBy.name() + "."));
        }
        return Optional.empty();
    }

    /** A column's name as a regular expression over question words, the last word singular or plural. */
    private static String phrase(ColumnInfo column) {
        List<String> parts = parts(column.name());
        return String.join(" ", parts.subList(0, parts.size() - 1).stream().map(Pattern::quote).toList())
                + ((parts.size() > 1) ? " " : "") + Pattern.quote(parts.getLast()) + "(?:s|es)?";
    }

    /** The column whose name ends the text before a comparison, allowing "is", "was" or "are" in between. */
    private static ColumnInfo columnBefore(String before, TableInfo table) {
        List<String> words = new ArrayList<>(List.of(before.strip().split(" ")));
        while (!words.isEmpty() && Set.of("is", "was", "are", "were", "of", "").contains(words.getLast())) {
            words.removeLast();
        }
        for (ColumnInfo column : table.columns()) {
            List<String> parts = parts(column.name());
            if (words.size() >= parts.size() && matches(words.subList(words.size() - parts.size(), words.size()), parts)) {
                return column;
            }
        }
        return null;
    }

    /** The column whose name starts the text after a comparison's number. */
    private static ColumnInfo columnAfter(String after, TableInfo table) {
        List<String> words = List.of(after.strip().split(" "));
        for (ColumnInfo column : table.columns()) {
            List<String> parts = parts(column.name());
            if (words.size() >= parts.size() && matches(words.subList(0, parts.size()), parts)) {
                return column;
            }
        }
        return null;
    }

    private static boolean matches(List<String> words, List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (!sameWord(words.get(i), parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String withoutLastName(String before, ColumnInfo column) {
        List<String> words = new ArrayList<>(List.of(before.strip().split(" ")));
        while (!words.isEmpty() && Set.of("is", "was", "are", "were", "of", "").contains(words.getLast())) {
            words.removeLast();
        }
        int parts = parts(column.name()).size();
        return " " + String.join(" ", words.subList(0, Math.max(0, words.size() - parts))) + " ";
    }

    /** Characters of the column's name at the start of {@code after}, with the space before it. */
    private static int nameLength(String after, ColumnInfo column) {
        int parts = parts(column.name()).size();
        List<String> words = List.of(after.strip().split(" "));
        return after.indexOf(words.get(0)) + String.join(" ", words.subList(0, parts)).length();
    }

    /** The column that names a row: name, title, or the table's own singular name (airlines.airline). */
    private static Optional<ColumnInfo> nameColumn(TableInfo table) {
        return table.columns().stream().filter((column) -> {
            String name = column.name().toLowerCase(Locale.ROOT);
            String tableName = table.name().toLowerCase(Locale.ROOT);
            return name.equals("name") || name.equals("title") || sameWord(tableName, name)
                    || name.equals(tableName.replaceAll("s$", "") + "_name");
        }).findFirst();
    }

    private static String intent(String text) {
        if (text.startsWith(" how many ") || text.startsWith(" count ") || text.contains(" number of ")
                || text.startsWith(" what is the count ")) {
            return "count";
        }
        if (text.matches(" (what|which|list|show|give|return|find|tell).*")) {
            return "list";
        }
        return "other";
    }

    /** Removes the words of a table or column name (singular or plural) from the question; whether it was there. */
    private static boolean removeName(List<String> words, String name) {
        int at = nameAt(words, name);
        if (at >= 0) {
            words.subList(at, at + parts(name).size()).clear();
        }
        return at >= 0;
    }

    /** Where the words of a name start in the question, or -1. */
    private static int nameAt(List<String> words, String name) {
        List<String> parts = parts(name);
        for (int i = 0; i + parts.size() <= words.size(); i++) {
            if (matches(words.subList(i, i + parts.size()), parts)) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutGenericSuffix(String tableName) {
        List<String> parts = new ArrayList<>(parts(tableName));
        while (parts.size() > 1 && GENERIC_SUFFIXES.contains(parts.getLast())) {
            parts.removeLast();
        }
        return String.join("_", parts);
    }

    /** A value as it would appear in a lower-cased question. */
    private static String spoken(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").replaceAll("\\s+", " ").strip();
    }

    /** The words of a name: {@code life_expectancy} and {@code LifeExpectancy} both read "life expectancy". */
    static List<String> parts(String name) {
        return List.of(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("_+"));
    }

    private static boolean sameWord(String said, String part) {
        return said.equals(part) || said.equals(part + "s") || said.equals(part + "es") || part.equals(said + "s")
                || (part.endsWith("y") && said.equals(part.substring(0, part.length() - 1) + "ies"));
    }
}
