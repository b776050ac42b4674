package io.clearsky.worker.generation;

import static io.clearsky.core.catalog.Identifiers.quote;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.semantic.ModelDerivation;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.worker.generation.offline.ModelReader;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers, without any language model, the questions it can read with certainty: first over the semantic
 * model in effect ({@link ModelReader}; a model derived from the retrieved tables when none is given), then
 * the question shapes the table-level readings below and {@link OfflineQuestionParser} map onto the schema
 * word for word (lists of rows, named columns, filters the model reader does not read). Anything else it
 * declines rather than guessing, or asks which reading is meant.
 */
public final class OfflineSqlGenerator implements SqlGenerator {

    /** Which readings answer: the model reader, the table readings, or the model reader then the table readings. */
    public enum Readers {
        MODEL, LEGACY, BOTH
    }

    private final ModelReader reader;

    private final Readers readers;

    /** A generator with both readings whose relative dates ("last month") are against today in UTC. */
    public OfflineSqlGenerator() {
        this(Clock.systemUTC());
    }

    /** A generator with both readings whose relative dates are against {@code clock}'s today. */
    public OfflineSqlGenerator(Clock clock) {
        this(clock, Readers.BOTH);
    }

    /** A generator with only {@code readers} (the evaluation measures each reader alone). */
    public OfflineSqlGenerator(Clock clock, Readers readers) {
        this.reader = new ModelReader(clock);
        this.readers = readers;
    }

    private static final Pattern COUNT_BY = Pattern.compile(
            "how many ([\\p{L} _]+?) (?:are there |do we have |exist )?(?:per|by|for each|in each|for every) ([\\p{L} _]+)");

    private static final Pattern COUNT = Pattern.compile(
            "(?:how many ([\\p{L} _]+?)(?: are there| do we have| exist| in total| are in the data)?"
                    + "|(?:what is |what's )?the (?:total )?(?:number|count) of ([\\p{L} _]+?)|count (?:the |all )?([\\p{L} _]+?))");

    private static final Pattern AGGREGATE = Pattern.compile(
            "(?:what is |what's |what are |find |show |give me |return )?(?:the )?(average|mean|total|maximum|highest|minimum|lowest)"
                    + " ([\\p{L} _]+?) (?:of|for|among|across) (?:all )?(?:the )?([\\p{L} _]+?)");

    private static final Pattern COUNT_COMPARED = Pattern.compile(
            "how many ([\\p{L} _]+?) (?:have|has|with|had) (more than|over|greater than|at least|fewer than|less than"
                    + "|under|at most|exactly) (\\d+(?:\\.\\d+)?) ([\\p{L} _]+)");

    private static final Map<String, String> AGGREGATES = Map.of("average", "avg", "mean", "avg", "total", "sum",
            "maximum", "max", "highest", "max", "minimum", "min", "lowest", "min");

    private static final Map<String, String> COMPARISONS = Map.of("more than", ">", "over", ">", "greater than", ">",
            "at least", ">=", "fewer than", "<", "less than", "<", "under", "<", "at most", "<=", "exactly", "=");

    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "(?i)(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*|NUMERIC.*)");

    private static final Pattern LIST = Pattern.compile(
            "(?:list|show)(?: me)?(?: all| the)?(?: (?:first|top) )?(?: ?(\\d+))? ([\\p{L} _]+?)");

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Generation generate(GenerationRequest request) {
        if (this.readers == Readers.LEGACY) {
            return readTables(request);
        }
        SemanticModel model = (request.model() != null) ? request.model()
                : ModelDerivation.derive(request.schema().database(), request.schema().tables());
        Generation fromModel = this.reader.read(request.question(), model, request.schema().tables(), request.maxRows());
        if (fromModel instanceof Generation.Sql || this.readers == Readers.MODEL) {
            return fromModel;
        }
        // A question the model reader declines or finds ambiguous may still be one the table readings
        // answer word for word (a list of named columns, a value only one retrieved table holds).
        Generation fromTables = readTables(request);
        return (fromTables instanceof Generation.Sql) ? fromTables : fromModel;
    }

    /** The table-level readings: the shapes below, then {@link OfflineQuestionParser}. */
    private Generation readTables(GenerationRequest request) {
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
        Matcher aggregate = AGGREGATE.matcher(question);
        if (aggregate.matches()) {
            Optional<TableInfo> table = resolveTable(aggregate.group(3), tables);
            Optional<ColumnInfo> column = table.flatMap((t) -> resolveColumn(aggregate.group(2), t)).filter(OfflineSqlGenerator::isNumeric);
            if (column.isPresent()) {
                String function = AGGREGATES.get(aggregate.group(1));
                return new Generation.Sql("SELECT " + function + "(" + quote(column.get().name()) + ") FROM "
                        + quote(table.get().name()), "Computes the " + aggregate.group(1) + " " + column.get().name()
                        + " over all rows of " + table.get().name() + ".");
            }
        }
        Matcher compared = COUNT_COMPARED.matcher(question);
        if (compared.matches()) {
            Optional<TableInfo> table = resolveTable(compared.group(1), tables);
            Optional<ColumnInfo> column = table.flatMap((t) -> resolveColumn(compared.group(4), t)).filter(OfflineSqlGenerator::isNumeric);
            if (column.isPresent()) {
                String operator = COMPARISONS.get(compared.group(2));
                return new Generation.Sql("SELECT count(*) FROM " + quote(table.get().name()) + " WHERE "
                        + quote(column.get().name()) + " " + operator + " " + compared.group(3), "Counts the rows of "
                        + table.get().name() + " whose " + column.get().name() + " is " + compared.group(2) + " "
                        + compared.group(3) + ".");
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
        OfflineQuestionParser.Reading reading = OfflineQuestionParser.read(request.question(), tables, request.maxRows());
        if (reading.sql().isPresent()) {
            return reading.sql().get();
        }
        String unread = reading.unread().isEmpty() ? ""
                : " (words it could not place: " + String.join(", ", reading.unread()) + ")";
        return new Generation.CannotAnswer("Offline mode can't answer this with certainty" + unread + ": it answers "
                + "only questions it understands word for word, over one table or two joined along a key: counts, lists, "
                + "filters, aggregates, grouping and top-k (e.g. \"How many orders are there?\", \"How many orders per "
                + "status?\", \"What is the average amount of orders?\", \"List 5 products\"). "
                + "Configure Bedrock or an OpenAI-compatible model for other questions.");
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

    static boolean isNumeric(ColumnInfo column) {
        return column.type() != null && NUMERIC_TYPE.matcher(column.type()).matches();
    }

    private static boolean sameName(String name, String wanted) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(wanted) || lower.equals(wanted + "s") || lower.equals(wanted + "es")
                || (wanted.endsWith("y") && lower.equals(wanted.substring(0, wanted.length() - 1) + "ies"))
                || (wanted.endsWith("s") && lower.equals(wanted.substring(0, wanted.length() - 1)));
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
