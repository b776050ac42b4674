package io.clearsky.core.semantic;

import static io.clearsky.core.catalog.Identifiers.quote;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.semantic.SemanticModel.Aggregation;
import io.clearsky.core.semantic.SemanticModel.Cardinality;
import io.clearsky.core.semantic.SemanticModel.ColumnPair;
import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.MetricType;
import io.clearsky.core.semantic.SemanticModel.Relationship;
import io.clearsky.core.semantic.SemanticModel.TimeDimension;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Derives a semantic model from the catalog alone, for databases nobody has described: one entity per table,
 * relationships from declared keys or, where the engine declares none (Athena, exported SQLite), from key
 * names ({@code stadium_id} is {@code stadium}'s key) and comments ({@code "(categories.category_id)"}),
 * dimensions from columns, time dimensions from dates, and metrics: a count per entity and the total,
 * average, minimum and maximum of each numeric column that is not a key. Names are the catalog's words,
 * read in snake_case and CamelCase, with singular and plural forms as synonyms.
 */
public final class ModelDerivation {

    /** A comment naming the column a key refers to: "Category of the product (categories.category_id)". */
    private static final Pattern REFERENCE_COMMENT = Pattern.compile("\\(([A-Za-z_][\\w]*)\\.([A-Za-z_][\\w]*)\\)");

    private static final Pattern NUMERIC = Pattern.compile(
            "(?i)(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*|NUMERIC.*)");

    private static final Pattern TEMPORAL = Pattern.compile("(?i)(DATE|TIMESTAMP.*)");

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private static final String[][] AGGREGATES = { { "SUM", "total", "sum of", "sum" }, { "AVG", "average", "mean", "avg" },
        { "MIN", "minimum", "min", "smallest" }, { "MAX", "maximum", "max", "largest" } };

    private ModelDerivation() {
    }

    /** The model of {@code tables} of {@code database}. */
    public static SemanticModel derive(String database, List<TableInfo> tables) {
        Map<String, TableInfo> byName = tables.stream()
                .collect(Collectors.toMap((table) -> table.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        Map<String, List<String>> keys = tables.stream().collect(Collectors.toMap((table) -> table.name().toLowerCase(Locale.ROOT),
                ModelDerivation::primaryKey, (a, b) -> a));
        List<Entity> entities = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        List<Dimension> dimensions = new ArrayList<>();
        List<TimeDimension> times = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        Set<String> entityNames = tables.stream().map(ModelDerivation::entityName).collect(Collectors.toSet());
        for (TableInfo table : tables) {
            String entity = entityName(table);
            List<String> primaryKey = keys.get(table.name().toLowerCase(Locale.ROOT));
            entities.add(new Entity(entity, table.name(), primaryKey, nameColumn(table, entity), forms(words(table.name())),
                    table.comment()));
            Set<String> keyColumns = new LinkedHashSet<>(lower(primaryKey));
            for (Relationship relationship : references(table, entity, primaryKey, byName, keys)) {
                relationships.add(relationship);
                relationship.columns().forEach((pair) -> keyColumns.add(pair.from().toLowerCase(Locale.ROOT)));
            }
            metrics.add(new Metric("number of " + plural(entity), entity, MetricType.SIMPLE, Aggregation.COUNT, null, null,
                    null, null, null, List.of(plural(entity), "count of " + plural(entity), entity + " count"),
                    "How many " + plural(entity) + " there are"));
            for (ColumnInfo column : table.columns()) {
                String lowerName = column.name().toLowerCase(Locale.ROOT);
                String expression = quote(table.name()) + "." + quote(column.name());
                String words = columnWords(column.name(), entity);
                List<String> synonyms = commentWords(column);
                if (TEMPORAL.matcher(column.type()).matches()) {
                    times.add(new TimeDimension(words, entity, expression, null, null, synonyms, column.comment()));
                    continue;
                }
                if (primaryKey.size() == 1 && primaryKey.get(0).equalsIgnoreCase(column.name())) {
                    // A single-column key is what "the ids of documents" asks for; it is never aggregated.
                    Set<String> keyNames = new LinkedHashSet<>(synonyms);
                    keyNames.addAll(List.of(plural(words), entity + " " + words, plural(entity + " " + words)));
                    keyNames.remove(words);
                    dimensions.add(new Dimension(words, entity, expression, List.copyOf(keyNames), column.comment(), false));
                    continue;
                }
                if (keyColumns.contains(lowerName) || looksLikeKey(column.name())
                        || (NUMERIC.matcher(column.type()).matches() && entityNames.contains(singular(words)))) {
                    // A number named after an entity ("flights.airline") points at it, even where no key says so.
                    continue;
                }
                dimensions.add(new Dimension(words, entity, expression, synonyms, column.comment(), column.allValues()));
                if (NUMERIC.matcher(column.type()).matches()) {
                    for (String[] aggregate : AGGREGATES) {
                        List<String> names = new ArrayList<>();
                        for (int i = 2; i < aggregate.length; i++) {
                            names.add(aggregate[i] + " " + words);
                        }
                        metrics.add(new Metric(aggregate[1] + " " + words + " of " + plural(entity), entity, MetricType.SIMPLE,
                                Aggregation.valueOf(aggregate[0]), expression, null, null, null, null,
                                prepend(aggregate[1] + " " + words, names), null));
                    }
                }
            }
        }
        return new SemanticModel(database, null, entities, relationships, dimensions, times, metrics, List.of(), List.of(),
                List.of());
    }

    /** The declared primary key, else a column named {@code id} or after the table ({@code stadium_id}), else none. */
    static List<String> primaryKey(TableInfo table) {
        if (!table.primaryKey().isEmpty()) {
            return table.primaryKey();
        }
        String singular = compact(singular(String.join(" ", words(table.name()))));
        String plain = compact(String.join(" ", words(table.name())));
        for (ColumnInfo column : table.columns()) {
            String name = compact(column.name());
            if (name.equals("id") || name.equals(singular + "id") || name.equals(plain + "id")
                    || name.equals(singular + "code") || name.equals(plain + "code")) {
                return List.of(column.name());
            }
        }
        ColumnInfo first = table.columns().isEmpty() ? null : table.columns().get(0);
        return (first != null && compact(first.name()).endsWith("id")) ? List.of(first.name()) : List.of();
    }

    /**
     * The many-to-one relationships from {@code table}: its declared foreign keys, else every column that names
     * another table's single-column key, or whose comment says which column it refers to.
     */
    private static List<Relationship> references(TableInfo table, String entity, List<String> primaryKey,
            Map<String, TableInfo> tables, Map<String, List<String>> keys) {
        List<Relationship> relationships = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TableInfo.ForeignKey key : table.foreignKeys()) {
            TableInfo target = tables.get(key.referencedTable().toLowerCase(Locale.ROOT));
            if (target != null && key.columns().size() == key.referencedColumns().size()) {
                List<ColumnPair> pairs = new ArrayList<>();
                for (int i = 0; i < key.columns().size(); i++) {
                    pairs.add(new ColumnPair(key.columns().get(i), key.referencedColumns().get(i)));
                }
                add(relationships, seen, entity, table, target, pairs, primaryKey);
            }
        }
        if (!table.foreignKeys().isEmpty()) {
            return relationships;
        }
        for (ColumnInfo column : table.columns()) {
            TableInfo target = null;
            String targetColumn = null;
            Matcher comment = (column.comment() != null) ? REFERENCE_COMMENT.matcher(column.comment()) : null;
            if (comment != null && comment.find() && tables.containsKey(comment.group(1).toLowerCase(Locale.ROOT))) {
                target = tables.get(comment.group(1).toLowerCase(Locale.ROOT));
                targetColumn = (target.column(comment.group(2)) != null) ? target.column(comment.group(2)).name() : null;
            }
            else {
                for (TableInfo other : tables.values()) {
                    List<String> otherKey = keys.get(other.name().toLowerCase(Locale.ROOT));
                    if (other == table || otherKey.size() != 1) {
                        continue;
                    }
                    String key = otherKey.get(0);
                    String otherSingular = compact(singular(String.join(" ", words(other.name()))));
                    boolean sameName = column.name().equalsIgnoreCase(key) && !compact(key).equals("id");
                    boolean namedAfter = compact(key).equals("id") && (compact(column.name()).equals(otherSingular + "id")
                            || compact(column.name()).endsWith(otherSingular + "id"));
                    if (sameName || namedAfter) {
                        if (target != null) {
                            target = null;
                            break;
                        }
                        target = other;
                        targetColumn = key;
                    }
                }
            }
            if (target != null && targetColumn != null && target != table) {
                add(relationships, seen, entity, table, target, List.of(new ColumnPair(column.name(), targetColumn)),
                        primaryKey);
            }
        }
        return relationships;
    }

    private static void add(List<Relationship> relationships, Set<String> seen, String entity, TableInfo table,
            TableInfo target, List<ColumnPair> pairs, List<String> primaryKey) {
        String name = entity + "_" + pairs.stream().map(ColumnPair::from).collect(Collectors.joining("_")).toLowerCase(Locale.ROOT);
        if (!seen.add(name)) {
            return;
        }
        boolean fromIsWholeKey = lower(primaryKey).equals(lower(pairs.stream().map(ColumnPair::from).toList()));
        relationships.add(new Relationship(name, entity, entityName(target), pairs,
                fromIsWholeKey ? Cardinality.ONE_TO_ONE : Cardinality.MANY_TO_ONE));
    }

    /** A column called {@code name}, {@code <entity>_name} or {@code title}; else the only text column with "name" in it. */
    private static String nameColumn(TableInfo table, String entity) {
        String entityCompact = compact(entity);
        List<ColumnInfo> text = table.columns().stream().filter((column) -> column.type().toUpperCase(Locale.ROOT).startsWith("VARCHAR")
                || column.type().equalsIgnoreCase("TEXT")).toList();
        for (ColumnInfo column : text) {
            String name = compact(column.name());
            if (name.equals("name") || name.equals(entityCompact + "name") || name.equals(compact(table.name()) + "name")) {
                return column.name();
            }
        }
        List<ColumnInfo> named = text.stream().filter((column) -> compact(column.name()).endsWith("name")
                && !compact(column.name()).matches("(first|last|middle|sur|given|family|user)name")).toList();
        if (named.size() == 1) {
            return named.get(0).name();
        }
        return text.stream().filter((column) -> compact(column.name()).equals("title")).map(ColumnInfo::name).findFirst()
                .orElse(null);
    }

    private static boolean looksLikeKey(String column) {
        String name = compact(column);
        return name.equals("id") || name.endsWith("id") && column.matches("(?i).*(_id|Id|ID)$");
    }

    /** The entity's name: the table's words, singular ({@code order_items} is {@code order item}). */
    static String entityName(TableInfo table) {
        return singular(String.join(" ", words(table.name())));
    }

    /** A column's words without the entity's name in front ({@code singer_name} of singer is {@code name}). */
    static String columnWords(String column, String entity) {
        String words = String.join(" ", words(column));
        String prefix = entity + " ";
        return (words.startsWith(prefix) && words.length() > prefix.length()) ? words.substring(prefix.length()) : words;
    }

    /** The words of a snake_case or CamelCase name, lower-cased. */
    public static List<String> words(String name) {
        String spaced = CAMEL.matcher(name).replaceAll(" ").replace('_', ' ').replace('-', ' ');
        List<String> words = new ArrayList<>();
        for (String word : spaced.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** A short comment ("Units sold", "Job title") is another name for its column. */
    private static List<String> commentWords(ColumnInfo column) {
        if (column.comment() == null) {
            return List.of();
        }
        String comment = column.comment().strip().toLowerCase(Locale.ROOT).replaceAll("[.]$", "");
        return (comment.matches("[a-z ]+") && comment.split(" ").length <= 3) ? List.of(comment) : List.of();
    }

    private static List<String> forms(List<String> words) {
        String phrase = String.join(" ", words);
        Set<String> forms = new LinkedHashSet<>(List.of(singular(phrase), plural(singular(phrase)), phrase));
        forms.remove(singular(phrase));
        return List.copyOf(forms);
    }

    /** The singular of an English noun phrase's last word (a few regular rules). */
    public static String singular(String phrase) {
        int space = phrase.lastIndexOf(' ');
        String head = phrase.substring(0, space + 1);
        String word = phrase.substring(space + 1);
        if (word.endsWith("ies") && word.length() > 4) {
            word = word.substring(0, word.length() - 3) + "y";
        }
        else if (word.endsWith("sses") || word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")) {
            word = word.substring(0, word.length() - 2);
        }
        else if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is") && word.length() > 3) {
            word = word.substring(0, word.length() - 1);
        }
        return head + word;
    }

    /** The plural of an English noun phrase's last word (a few regular rules). */
    public static String plural(String phrase) {
        if (phrase.endsWith("y") && !phrase.matches(".*[aeiou]y")) {
            return phrase.substring(0, phrase.length() - 1) + "ies";
        }
        if (phrase.endsWith("s") || phrase.endsWith("x") || phrase.endsWith("ch") || phrase.endsWith("sh")) {
            return phrase + "es";
        }
        return phrase + "s";
    }

    private static String compact(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
