package io.clearsky.worker.generation;

import static io.clearsky.core.catalog.Identifiers.quote;
import static io.clearsky.worker.generation.OfflineSqlGenerator.isNumeric;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
            "existing", "available", "known", "registered", "belong", "belongs", "located", "affiliated", "correspond",
            "corresponds", "corresponding", "considered", "given", "produced", "made", "occurred", "happened", "held",
            "along", "either", "sort", "among", "across", "amount", "well", "use", "uses", "used", "using", "serve", "serves",
            "serving", "sell", "sells", "where", "when");

    /** Words a question may use for the words of a schema's names, each in the singular and plural. */
    private static final Map<String, List<String>> SYNONYMS = Map.of("nation", List.of("country"), "nations",
            List.of("countries"), "store", List.of("shop"), "stores", List.of("shops"), "shop", List.of("store"),
            "shops", List.of("stores"), "film", List.of("movie"), "films", List.of("movies"), "movie", List.of("film"),
            "movies", List.of("films"));

    private static final Set<String> DISTINCT = Set.of("distinct", "different", "unique");

    /** The marker word that stands in for the n-th quoted text of a question. */
    private static final String LITERAL = "quotedtext";

    /** 'text', "text", ‘text’, “text” and ``text'': quotes not standing inside a word (Brazil's). */
    private static final Pattern QUOTED = Pattern.compile(
            "``\\s*(.+?)\\s*''|[\"“]([^\"“”]+)[\"”]|(?<![\\p{L}\\p{N}])['‘`]([^'‘’`]+)['’`](?![\\p{L}\\p{N}])");

    /** "Always filter names using ILIKE", "Match all strings case-insensitively using wildcard operators". */
    private static final Pattern PARTIAL_MATCH = Pattern.compile("(?i)(?:always )?(?:filter|match)(?: all)? (?:names|strings)"
            + "(?: case-insensitively)? (?:using|with) (?:an? )?(?:ilike|like|wildcard operators|wildcards?)"
            + "(?: with (?:percent sign )?wildcards)?\\.?");

    /** "Always filter names using an exact match": what the reader does anyway. */
    private static final Pattern EXACT_MATCH = Pattern.compile("(?i)(?:always )?(?:filter|match)(?: all)? (?:names|strings)"
            + " (?:using|with) (?:an )?exact(?: string)? match(?:ing)?\\.?");

    private static final Set<String> CONTAINS = Set.of("contain", "contains", "containing", "include", "includes",
            "including", "with", "has", "have", "having");

    private static final Set<String> TEXT_NOUNS = Set.of("word", "words", "substring", "letter", "letters", "string",
            "phrase", "text", "character", "characters", "term");

    /** "all the information about", "every detail of": every column. */
    private static final Pattern EVERY_COLUMN = Pattern.compile(
            " (?:all|every)(?: the)? (?:information|info|details|detail|attributes|columns|fields|data)(?: (?:about|on|of|for|in))? ");

    /** Words between a column's name and what is said of it: "population is", "weight of". */
    private static final Set<String> LINKING = Set.of("is", "was", "are", "were", "of", "");

    /** Words that say which name, not whose: first_name is not "the first". */
    private static final Set<String> NAME_QUALIFIERS = Set.of("first", "last", "middle", "full", "nick", "short", "long",
            "display", "given", "family", "user");

    private static final Set<String> GENERIC_PREFIXES = Set.of("ref", "tbl", "dim", "fact", "lkp", "lu");

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

    /** The words of a superlative over a named column: "the highest weight", "the fewest players". */
    private static final String EXTREME = "(highest|largest|greatest|biggest|most|longest|lowest|smallest|fewest|least|shortest)";

    private static final Set<String> HIGHEST = Set.of("highest", "largest", "greatest", "biggest", "most", "longest");

    private static final Set<String> HIGHEST_ADJECTIVES = Set.of("oldest", "tallest", "heaviest");

    private static final Pattern SUPERLATIVE_ADJECTIVE = Pattern.compile(
            " (?:the )?(youngest|oldest|tallest|shortest|heaviest|lightest) ");

    /** What a superlative adjective measures: the youngest has the lowest age. */
    private static final Map<String, String> MEASURED_BY = Map.of("youngest", "age", "oldest", "age", "tallest", "height",
            "shortest", "height", "heaviest", "weight", "lightest", "weight");

    /** A year or an age said with its one or two values: "in 1980 or 1981", "aged 32 or 33". */
    private static final Map<String, Pattern> MEASURE_VALUES = Map.of("year", Pattern.compile(
            " in (?:the )?(?:year )?((?:1[6-9]|20)\\d\\d)(?: or ((?:1[6-9]|20)\\d\\d))? "),
            "age", Pattern.compile(" aged (?:either )?(\\d+)(?: or (\\d+))? "));

    private static final String AVERAGE_OPERATOR =
            "(above|over|greater than|more than|higher than|larger than|bigger than|below|under|less than|lower than|smaller than)";

    /** The comparative of each superlative adjective: older than the average age. */
    private static final Map<String, String> COMPARATIVES = Map.of("youngest", "younger", "oldest", "older",
            "tallest", "taller", "shortest", "shorter", "heaviest", "heavier", "lightest", "lighter");

    private static final Map<String, String> NUMBER_WORDS = Map.of("one", "1", "two", "2", "three", "3", "four", "4",
            "five", "5");

    /** A count said in digits or in words: "2", "two". */
    private static final String COUNT = "(\\d+|" + String.join("|", NUMBER_WORDS.keySet()) + ")";

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
        return read(question, tables, maxRows).sql();
    }

    /**
     * A reading of a question: its SQL, or none and the words that kept the closest reading from being
     * understood (so the user learns what to rephrase).
     */
    record Reading(Optional<Generation.Sql> sql, List<String> unread) {
    }

    /** Keeps the fewest words any one-table reading left unexplained. */
    private static final class Unread {

        private List<String> fewest = List.of();

        void offer(List<String> words) {
            if (fewest.isEmpty() || words.size() < fewest.size()) {
                fewest = List.copyOf(words);
            }
        }
    }

    /**
     * A question as the reader sees it: lower-cased words with a marker for each quoted text, the same words
     * as written, the quoted texts, and whether the user asked for names to be matched in part and without
     * regard to case ("Always filter names using ILIKE").
     */
    private record Question(String text, String cased, List<String> quoted, boolean partialMatch, List<String> given,
            List<String> givenDescribed) {

        Question(String text, String cased, List<String> quoted, boolean partialMatch) {
            this(text, cased, quoted, partialMatch, List.of(), List.of());
        }

        Question withText(String rewritten) {
            return new Question(rewritten, this.cased, this.quoted, this.partialMatch, this.given, this.givenDescribed);
        }

        /** The question with some of its words already read as a condition. */
        Question withCondition(String rewritten, String condition, String described) {
            return new Question(rewritten, this.cased, this.quoted, this.partialMatch, List.of(condition), List.of(described));
        }
    }

    static Reading read(String asked, List<TableInfo> tables, int maxRows) {
        Unread unread = new Unread();
        // How to match names is an instruction about the SQL, not part of the question.
        Matcher partial = PARTIAL_MATCH.matcher(asked);
        boolean partialMatch = partial.find();
        Matcher exact = EXACT_MATCH.matcher(partialMatch ? partial.replaceAll(" ") : asked);
        String stated = exact.replaceAll(" ");
        // Quoted text is taken as written; a marker word stands in for it while the rest is read.
        List<String> quoted = new ArrayList<>();
        Matcher quote = QUOTED.matcher(stated);
        StringBuilder marked = new StringBuilder();
        while (quote.find()) {
            String literal = (quote.group(1) != null) ? quote.group(1) : (quote.group(2) != null) ? quote.group(2) : quote.group(3);
            quote.appendReplacement(marked, " " + LITERAL + quoted.size() + " ");
            quoted.add(literal.strip());
        }
        quote.appendTail(marked);
        String cased = " " + (" " + marked + " ").replaceAll("[^\\p{L}\\p{N}.\\- ]", " ")
                .replaceAll("(?<=\\D)\\.|\\.(?=\\D)", " ").replaceAll("\\s+", " ").strip() + " ";
        Question question = new Question(cased.toLowerCase(Locale.ROOT), cased, quoted, partialMatch);
        for (TableInfo table : tables) {
            Optional<Generation.Sql> sql = parse(question, table, quote(table.name()), null, maxRows, true, unread);
            if (sql.isPresent()) {
                return new Reading(sql, List.of());
            }
        }
        for (TableInfo table : tables) {
            for (TableInfo partner : tables) {
                Optional<Generation.Sql> sql = joined(question, table, partner, maxRows);
                if (sql.isPresent()) {
                    return new Reading(sql, List.of());
                }
            }
        }
        for (TableInfo parent : tables) {
            for (TableInfo child : tables) {
                Optional<Generation.Sql> sql = pointer(parent, child, tables).flatMap((pointer) ->
                        counted(question, parent, child, pointer, maxRows).or(() -> unrelated(question, parent, child, pointer, maxRows)));
                if (sql.isPresent()) {
                    return new Reading(sql, List.of());
                }
            }
        }
        // "What is the total population and maximum GNP in Asia?" names no table: answer only when exactly
        // one table has every column and value the question names.
        List<Generation.Sql> unnamed = tables.stream().flatMap((table) -> parse(question, table,
                quote(table.name()), null, maxRows, false, unread).stream()).toList();
        return (unnamed.size() == 1) ? new Reading(Optional.of(unnamed.getFirst()), List.of())
                : new Reading(Optional.empty(), unread.fewest);
    }

    /**
     * Reads the question over {@code table} joined with {@code partner} on the one key column they share
     * by name ("paragraph texts of the document named 'Welcome'": paragraphs JOIN documents USING
     * (document_id)), or, when they share no name, on a key named after the table it points to
     * ({@link #referencing}). The table must be named; the partner's columns join the readable ones, and
     * at least one of them must be used, or the one-table reading would have been enough.
     */
    private static Optional<Generation.Sql> joined(Question question, TableInfo table, TableInfo partner, int maxRows) {
        if (table == partner) {
            return Optional.empty();
        }
        Set<String> own = new HashSet<>();
        table.columns().forEach((column) -> own.add(column.name().toLowerCase(Locale.ROOT)));
        // Shared keys join; other shared names (other_details) are the table's own, not the partner's.
        List<ColumnInfo> sharedNames = partner.columns().stream()
                .filter((column) -> own.contains(column.name().toLowerCase(Locale.ROOT))).toList();
        List<ColumnInfo> shared = sharedNames.stream().filter((column) -> parts(column.name()).getLast().equals("id")).toList();
        String from;
        ColumnInfo key;
        List<ColumnInfo> added;
        // Whether each row of the table repeats once per partner row (the partner points at the table).
        boolean repeated;
        // Two tables' own keys (cars_data.Id, car_makers.Id) share a name but not a meaning.
        boolean bothOwnKeys = shared.size() == 1 && Stream.of(table, partner).allMatch((either) -> ownKey(either)
                .filter((column) -> column.name().equalsIgnoreCase(shared.getFirst().name())).isPresent());
        if (shared.size() == 1 && !bothOwnKeys) {
            key = shared.getFirst();
            repeated = ownKey(table).filter((column) -> column.name().equalsIgnoreCase(key.name())).isPresent();
            added = partner.columns().stream().filter((column) -> !sharedNames.contains(column)).toList();
            from = quote(table.name()) + " JOIN " + quote(partner.name()) + " USING (" + quote(key.name()) + ")";
        }
        else if (sharedNames.isEmpty()) {
            // Keys named after the table they point to: countrylanguage.CountryCode is country.Code,
            // death.caused_by_ship_id is ship.id.
            Optional<ColumnInfo[]> pointedAt = referencing(table, partner);
            Optional<ColumnInfo[]> pair = pointedAt.or(() -> referencing(partner, table)
                    .map((found) -> new ColumnInfo[] { found[1], found[0] }));
            if (pair.isEmpty()) {
                return Optional.empty();
            }
            key = pair.get()[0];
            repeated = pointedAt.isPresent();
            added = partner.columns();
            from = quote(table.name()) + " JOIN " + quote(partner.name()) + " ON " + quote(table.name()) + "."
                    + quote(pair.get()[0].name()) + " = " + quote(partner.name()) + "." + quote(pair.get()[1].name());
        }
        else {
            return Optional.empty();
        }
        List<ColumnInfo> columns = new ArrayList<>(table.columns());
        columns.addAll(added);
        TableInfo both = new TableInfo(table.database(), table.name(), table.comment(), columns, table.estimatedRows());
        Optional<Generation.Sql> sql = parse(question, both, from, partner, maxRows, true, new Unread());
        // The partner's columns count as used only outside the FROM clause, which names its key itself.
        String outsideFrom = sql.map((found) -> found.sql().replace(from, "")).orElse("");
        if (sql.isEmpty() || added.stream().noneMatch((column) -> outsideFrom.contains(quote(column.name())))) {
            return Optional.empty();
        }
        // Joined on the table's own key, each of its rows repeats once per partner row: a count would
        // count the partner's rows.
        if (sql.get().sql().contains("count(") && repeated) {
            return Optional.empty();
        }
        return Optional.of(new Generation.Sql(sql.get().sql(), sql.get().explanation() + " Joins " + partner.name()
                + " on " + key.name() + "."));
    }

    /**
     * Reads "the number of concerts in each stadium", "the stadium with the most concerts" and "documents
     * with at least 2 paragraphs": the rows of {@code child} that point at each row of {@code parent} are
     * counted in a derived table joined to the parent, so the count reads as one more column of it
     * ("number_of_concert"). Rows with nothing pointing at them are left out, as an inner join does.
     */
    private static Optional<Generation.Sql> counted(Question question, TableInfo parent, TableInfo child, Pointer pointer,
            int maxRows) {
        String text = question.text();
        String children = phrase(withoutGenericWords(child.name()));
        String countName = "number_of_" + child.name();
        String counted = " " + String.join(" ", parts(countName)) + " ";
        String rewritten = text
                .replaceAll(" (?:the )?(?:total )?(?:number|count) of (?:the )?" + children + " | how many " + children + " ", counted)
                .replaceAll(" (?:the )?(?:most|greatest number of|largest number of|highest number of|most number of) "
                        + children + " ", " the highest" + counted)
                .replaceAll(" (?:the )?(?:fewest|least|smallest number of|lowest number of) " + children + " ",
                        " the lowest" + counted);
        Matcher compared = Pattern.compile(" (at least|more than|fewer than|less than|at most|over|under|exactly) "
                + COUNT + " " + children + " ").matcher(rewritten);
        Matcher orMore = Pattern.compile(" " + COUNT + " or (more|fewer|less) " + children + " ").matcher(rewritten);
        if (orMore.find()) {
            // "documents with 2 or more paragraphs"
            String number = NUMBER_WORDS.getOrDefault(orMore.group(1), orMore.group(1));
            rewritten = rewritten.substring(0, orMore.start()) + counted + (orMore.group(2).equals("more") ? "at least " : "at most ")
                    + number + " " + rewritten.substring(orMore.end());
        }
        else if (compared.find()) {
            String number = NUMBER_WORDS.getOrDefault(compared.group(2), compared.group(2));
            rewritten = rewritten.substring(0, compared.start()) + counted + compared.group(1) + " " + number + " "
                    + rewritten.substring(compared.end());
        }
        if (rewritten.equals(text) && !text.contains(counted)) {
            // Nothing counts the child's rows ("the number of documents" already reads as the count's name).
            return Optional.empty();
        }
        String alias = quote(child.name() + "_counts");
        String parentKey = pointer.parentKey().name();
        String childKey = pointer.childKey().name();
        String source = quote(parent.name()) + " JOIN (SELECT " + quote(childKey) + ", count(*) AS " + quote(countName)
                + " FROM " + quote(pointer.table().name()) + " GROUP BY " + quote(childKey) + ") AS " + alias
                + (parentKey.equals(childKey) ? " USING (" + quote(parentKey) + ")"
                        : " ON " + quote(parent.name()) + "." + quote(parentKey) + " = " + alias + "." + quote(childKey));
        List<ColumnInfo> columns = new ArrayList<>(parent.columns());
        columns.add(new ColumnInfo(countName, "BIGINT", null, false));
        TableInfo withCount = new TableInfo(parent.database(), parent.name(), parent.comment(), columns, parent.estimatedRows());
        Optional<Generation.Sql> sql = parse(question.withText(rewritten), withCount, source, null, maxRows, true,
                new Unread());
        // The count alone, with nothing to say whose it is, answers nothing.
        if (sql.isEmpty() || sql.get().sql().startsWith("SELECT " + quote(countName) + " FROM")) {
            return Optional.empty();
        }
        return Optional.of(new Generation.Sql(sql.get().sql(), sql.get().explanation() + " " + countName
                + " counts the " + pointer.table().name() + " rows whose " + childKey + " is the " + parent.name() + "'s " + parentKey + "."));
    }

    /**
     * Reads "templates not used by any document", "students who do not have any pet" and "people that are
     * not poker players": the rows of {@code parent} that no row of {@code child} (or of the table linking
     * the two) points at. The table must be named right before the words that say so, and those words must
     * end the question, so that nothing said of the child is read as said of the parent.
     */
    private static Optional<Generation.Sql> unrelated(Question question, TableInfo parent, TableInfo child, Pointer pointer,
            int maxRows) {
        Matcher none = Pattern.compile(" " + phrase(withoutGenericWords(parent.name())) + "(?: that| which| who)?"
                + "((?: do| does| did) not(?: \\p{L}+)?| (?:are |is )?not(?: \\p{L}+)?(?: by| in| for| with| to)?| with no| without)"
                + "(?: any| a| an| a single)? " + phrase(withoutGenericWords(child.name())) + " $").matcher(question.text());
        if (!none.find()) {
            return Optional.empty();
        }
        String pointing = pointer.table().name();
        String parentKey = quote(pointer.parentKey().name());
        String childKey = quote(pointer.childKey().name());
        String condition = parentKey + " NOT IN (SELECT " + childKey + " FROM " + quote(pointing) + " WHERE "
                + childKey + " IS NOT NULL)";
        String rewritten = question.text().substring(0, none.start(1)) + " ";
        Optional<Generation.Sql> sql = parse(question.withCondition(rewritten, condition, "no " + pointing
                + " row points at it"), parent, quote(parent.name()), null, maxRows, true, new Unread());
        return sql.map((found) -> new Generation.Sql(found.sql(), found.explanation() + " A row counts when no "
                + pointing + " row's " + pointer.childKey().name() + " is its " + pointer.parentKey().name() + "."));
    }

    /** The table whose rows point at a parent's rows, and the key in each. */
    private record Pointer(TableInfo table, ColumnInfo parentKey, ColumnInfo childKey) {
    }

    /**
     * What points at the rows of {@code parent} when a question speaks of {@code child}: the child itself,
     * or the table that links the two (the singers of a concert are rows of singer_in_concert).
     */
    private static Optional<Pointer> pointer(TableInfo parent, TableInfo child, List<TableInfo> tables) {
        if (parent == child) {
            return Optional.empty();
        }
        TableInfo table = pointing(parent, child).isPresent() ? child : linking(parent, child, tables).orElse(null);
        return Optional.ofNullable(table).flatMap((found) -> pointing(parent, found)
                .map((keys) -> new Pointer(found, keys[0], keys[1])));
    }

    /**
     * The one table that points at both {@code parent} and {@code other}, as singer_in_concert links singers
     * and concerts, when {@code other} does not point at the parent itself.
     */
    private static Optional<TableInfo> linking(TableInfo parent, TableInfo other, List<TableInfo> tables) {
        List<TableInfo> links = tables.stream().filter((link) -> link != parent && link != other
                && pointing(parent, link).isPresent() && pointing(other, link).isPresent()).toList();
        return (links.size() == 1) ? Optional.of(links.getFirst()) : Optional.empty();
    }

    /**
     * The column of {@code child} that points at each row of {@code parent}, after the parent's column: the
     * parent's own key (its id, or a first column named id) under the same name, or a column named after
     * the parent ({@link #referencing}).
     */
    private static Optional<ColumnInfo[]> pointing(TableInfo parent, TableInfo child) {
        Optional<ColumnInfo> parentKey = ownKey(parent).or(() -> parent.columns().stream().limit(1)
                .filter((column) -> parts(column.name()).getLast().equals("id")).findFirst());
        if (parentKey.isPresent()) {
            String name = parentKey.get().name();
            List<ColumnInfo> same = child.columns().stream().filter((column) -> column.name().equalsIgnoreCase(name)).toList();
            boolean childsOwn = ownKey(child).filter((column) -> column.name().equalsIgnoreCase(name)).isPresent();
            if (same.size() == 1 && !childsOwn) {
                return Optional.of(new ColumnInfo[] { parentKey.get(), same.getFirst() });
            }
        }
        return referencing(parent, child);
    }

    /**
     * A column of {@code referenced} and the column of {@code referencing} named after it: the table's name
     * and the column's (CountryCode for country.Code), or ending in the table's name and id
     * (caused_by_ship_id for ship.id). Only when exactly one such pair exists.
     */
    private static Optional<ColumnInfo[]> referencing(TableInfo referenced, TableInfo referencing) {
        List<String> tableParts = parts(referenced.name());
        List<ColumnInfo[]> pairs = new ArrayList<>();
        for (ColumnInfo target : referenced.columns()) {
            List<String> targetParts = parts(target.name());
            for (ColumnInfo column : referencing.columns()) {
                List<String> parts = parts(column.name());
                List<String> named = new ArrayList<>(tableParts);
                named.addAll(targetParts);
                boolean prefixed = parts.size() == named.size() && matches(parts, named);
                boolean suffixed = targetParts.equals(List.of("id")) && parts.size() > tableParts.size() + 1
                        && matches(parts.subList(parts.size() - named.size(), parts.size()), named);
                if (prefixed || suffixed) {
                    pairs.add(new ColumnInfo[] { target, column });
                }
            }
        }
        return (pairs.size() == 1) ? Optional.of(pairs.getFirst()) : Optional.empty();
    }

    /** The column that identifies a row of the table: id, or its name followed by id (poker_player_id). */
    private static Optional<ColumnInfo> ownKey(TableInfo table) {
        List<String> tableParts = parts(table.name());
        return table.columns().stream().filter((column) -> {
            List<String> parts = parts(column.name());
            return parts.equals(List.of("id")) || parts.size() == tableParts.size() + 1 && parts.getLast().equals("id")
                    && matches(tableParts, parts.subList(0, tableParts.size()));
        }).findFirst();
    }

    private static Optional<Generation.Sql> parse(Question question, TableInfo table, String source, TableInfo partner,
            int maxRows, boolean tableNamed, Unread unread) {
        String text = question.text();
        String cased = question.cased();
        List<String> quoted = question.quoted();
        List<String> conditions = new ArrayList<>(question.given());
        List<String> described = new ArrayList<>(question.givenDescribed());
        String rest = text;
        // Quoted text first: what stands around it says whether it is a whole value or a part of one.
        for (int i = 0; i < quoted.size(); i++) {
            Optional<String> after = quotedCondition(rest, LITERAL + i, quoted.get(i), table, question.partialMatch(),
                    conditions, described);
            if (after.isEmpty()) {
                return Optional.empty();
            }
            rest = after.get();
        }
        // Values next: they may contain words that are also column or table names.
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
                if (!code && spoken.strip().matches("\\p{L}{4,}") && !rest.contains(spoken)
                        && rest.contains(" " + spoken.strip() + "s ")) {
                    // "countries that are republics": a one-word value in the plural.
                    spoken = " " + spoken.strip() + "s ";
                }
                String demonym = " " + spoken.strip().replaceAll("a$", "an").replaceAll("e$", "ean") + " ";
                if (!code && spoken.strip().matches("\\p{L}{4,}[ae]") && !rest.contains(spoken) && rest.contains(demonym)) {
                    // "African countries": a place's adjective names the place.
                    spoken = demonym;
                }
                boolean mentioned = code ? cased.contains(" " + trimmed + " ")
                        : spoken.strip().length() >= 3 && !FILLER.contains(spoken.strip()) && rest.contains(spoken);
                if (mentioned) {
                    found.add(new String[] { column.name(), value, spoken });
                }
            }
        }
        found.sort(Comparator.comparingInt((String[] match) -> -match[2].length()));
        Set<String> constrained = new LinkedHashSet<>();
        // "in Asia or Europe": either of two values of one column, each a value of no other column.
        List<String[]> unambiguous = found.stream().filter((match) -> found.stream()
                .noneMatch((other) -> other[2].equals(match[2]) && !other[0].equals(match[0]))).toList();
        for (String[] first : unambiguous) {
            for (String[] second : unambiguous) {
                Matcher either = Pattern.compile("(?: either)?" + Pattern.quote(first[2]) + "or" + Pattern.quote(second[2]))
                        .matcher(rest);
                if (first[0].equals(second[0]) && first != second && !constrained.contains(first[0]) && either.find()) {
                    conditions.add(question.partialMatch()
                            ? "(" + matching(first[0], first[1], false, true) + " OR " + matching(first[0], second[1], false, true) + ")"
                            : quote(first[0]) + " IN (" + literal(first[1]) + ", " + literal(second[1]) + ")");
                    described.add(first[0] + " is " + first[1].strip() + " or " + second[1].strip());
                    constrained.add(first[0]);
                    rest = withoutLabel(rest, first[0], either.group());
                }
            }
        }
        for (String[] match : found) {
            if (!rest.contains(match[2])) {
                // Part of a longer value already read ("Asia" in "Southern Asia").
                continue;
            }
            List<String> columns = found.stream().filter((other) -> other[2].equals(match[2])).map((other) -> other[0])
                    .distinct().toList();
            if (columns.size() > 1) {
                // The same words are values of two columns: only the column that names a row wins ("Angola" is
                // a country's Name and its LocalName); otherwise it is not clear which is meant.
                Optional<ColumnInfo> named = nameColumn(table).filter((column) -> columns.contains(column.name()));
                if (named.isEmpty()) {
                    return Optional.empty();
                }
                if (!named.get().name().equals(match[0])) {
                    continue;
                }
            }
            if (!constrained.add(match[0])) {
                // Two values of one column: "in Asia or Europe" is not read.
                return Optional.empty();
            }
            Matcher negated = Pattern.compile("(?: is| are| was| were| do| does)? (?:not|other than|except)"
                    + "(?: (?:from|in|at|of|the|equal to))?" + Pattern.quote(match[2])).matcher(rest);
            boolean not = negated.find();
            conditions.add(matching(match[0], match[1], not, question.partialMatch()));
            described.add(match[0] + (not ? " is not " : " is ") + match[1].strip());
            if (not) {
                rest = rest.substring(0, negated.start()) + " " + rest.substring(negated.end());
                continue;
            }
            rest = withoutLabel(rest, match[0], match[2]);
        }
        Optional<Generation.Sql> busiest = mostFrequent(rest, table, source, conditions, described);
        if (busiest.isPresent()) {
            return busiest;
        }
        Optional<Generation.Sql> shared = sharedValues(rest, table, source, conditions, described);
        if (shared.isPresent()) {
            return shared;
        }
        // "the ratio of population to area": one numeric column divided by another, row by row.
        String ratio = null;
        if (rest.contains(" ratio of ") || rest.contains(" ratios of ")) {
            List<ColumnInfo> numbers = table.columns().stream().filter(OfflineSqlGenerator::isNumeric).toList();
            for (ColumnInfo dividend : numbers) {
                for (ColumnInfo divisor : numbers) {
                    Matcher divided = Pattern.compile(" (?:the )?ratios? of (?:the )?" + phrase(dividend, table)
                            + " (?:to|per|over|divided by) (?:the )?" + phrase(divisor, table) + " ").matcher(rest);
                    if (dividend != divisor && divided.find()) {
                        if (ratio != null) {
                            return Optional.empty();
                        }
                        ratio = "CAST(" + quote(dividend.name()) + " AS DOUBLE) / NULLIF(" + quote(divisor.name()) + ", 0) AS ratio";
                        described.add("ratio is " + dividend.name() + " / " + divisor.name());
                        rest = cut(rest, divided);
                    }
                }
            }
        }
        // Ordering, superlatives and grouping name their column right after their words.
        ColumnInfo orderBy = null;
        boolean descending = false;
        Integer limit = null;
        ColumnInfo groupBy = null;
        String groupPhrase = null;
        for (ColumnInfo column : table.columns()) {
            String name = phrase(column, table);
            // "in descending order of age", "ordered by ascending age", "sorted by age in descending order",
            // and "names by their age in ascending order" when the direction is said.
            Matcher order = Pattern.compile(" (?:(?:(?:sorted|ordered|sort) )?in (ascending|descending|alphabetical)(?: alphabetical)? order of"
                    + "|(?:ordered|sorted|sort|order) by(?: (ascending|descending))?)(?: the| their| its)? " + name
                    + "(?: (?:in )?(ascending|descending|alphabetical)(?: order)?)? "
                    + "| by(?: the| their| its)? " + name + " (?:in )?(ascending|descending|alphabetical)(?: order)? ").matcher(rest);
            if (order.find()) {
                String direction = (order.group(1) != null) ? order.group(1) : (order.group(2) != null) ? order.group(2)
                        : (order.group(3) != null) ? order.group(3) : order.group(4);
                if (orderBy != null) {
                    return Optional.empty();
                }
                orderBy = column;
                descending = "descending".equals(direction);
                rest = rest.substring(0, order.start()) + " " + rest.substring(order.end());
            }
            // "with the 3 lowest weights", and "whose (or the shop's) number of products is the largest".
            Matcher superlative = Pattern.compile(" (?:with |has |have |of )?(?:the )?(?:top (\\d+) )?(?:(\\d+) )?"
                    + EXTREME + " " + name + " | (?:whose|where|with|s)(?: the| its| their)? " + name
                    + " (?:is|are|was|were) the " + EXTREME + " ").matcher(rest);
            if (superlative.find() && isNumeric(column)) {
                if (orderBy != null) {
                    return Optional.empty();
                }
                orderBy = column;
                String extreme = (superlative.group(3) != null) ? superlative.group(3) : superlative.group(4);
                descending = HIGHEST.contains(extreme);
                String count = (superlative.group(1) != null) ? superlative.group(1) : superlative.group(2);
                limit = (count != null) ? Integer.valueOf(count) : 1;
                rest = rest.substring(0, superlative.start()) + " " + rest.substring(superlative.end());
            }
            Matcher group = Pattern.compile(" (?:in each|for each|for every|of each|from each|by each|in every|per|by) " + name + " ").matcher(rest);
            if (group.find()) {
                if (groupBy != null) {
                    return Optional.empty();
                }
                groupBy = column;
                groupPhrase = group.group().strip();
                rest = rest.substring(0, group.start()) + " " + rest.substring(group.end());
            }
        }
        // "the template type codes and the number of templates for each": one group per value of the column asked.
        Matcher eachEnd = Pattern.compile(" (?:for|in|of|to|from) each(?: one| of them)? $").matcher(rest);
        boolean perTarget = groupBy == null && source.equals(quote(table.name())) && eachEnd.find();
        if (perTarget) {
            rest = rest.substring(0, eachEnd.start()) + " ";
        }
        // "the youngest teacher": an adjective that names the one column it measures.
        Matcher adjective = SUPERLATIVE_ADJECTIVE.matcher(rest);
        if (orderBy == null && adjective.find()) {
            Optional<ColumnInfo> measured = measuredBy(table, MEASURED_BY.get(adjective.group(1)));
            if (measured.isEmpty()) {
                return Optional.empty();
            }
            orderBy = measured.get();
            descending = HIGHEST_ADJECTIVES.contains(adjective.group(1));
            limit = 1;
            rest = rest.substring(0, adjective.start()) + " " + rest.substring(adjective.end());
        }
        for (ColumnInfo column : table.columns()) {
            String name = phrase(column, table);
            // "cars with 8 cylinders": a number right before a numeric column's name is its value.
            Matcher counted = Pattern.compile(" (with|has|have|having|had) (-?\\d+(?:\\.\\d+)?) " + name + " ").matcher(rest);
            if (counted.find() && isNumeric(column)) {
                conditions.add(quote(column.name()) + " = " + counted.group(2));
                described.add(column.name() + " is " + counted.group(2));
                rest = cut(rest, counted);
            }
            Matcher before = Pattern.compile(" (over|above|under|below|at least|at most) " + name + " (-?\\d+(?:\\.\\d+)?) ").matcher(rest);
            if (before.find() && isNumeric(column)) {
                // "singers above age 20"
                conditions.add(quote(column.name()) + " " + OPERATORS.get(before.group(1)) + " " + before.group(2));
                described.add(column.name() + " " + before.group(1) + " " + before.group(2));
                rest = cut(rest, before);
            }
            Matcher inside = Pattern.compile(" (?:a |an )?(greater|higher|larger|bigger|more|less|lower|smaller|fewer) "
                    + name + " than (-?\\d+(?:\\.\\d+)?) ").matcher(rest);
            if (inside.find() && isNumeric(column)) {
                boolean above = Set.of("greater", "higher", "larger", "bigger", "more").contains(inside.group(1));
                conditions.add(quote(column.name()) + (above ? " > " : " < ") + inside.group(2));
                described.add(column.name() + (above ? " above " : " below ") + inside.group(2));
                rest = cut(rest, inside);
            }
        }
        // "pets older than 1", "whose weight is heavier than 10": a comparative names the column it measures.
        for (Map.Entry<String, String> comparative : COMPARATIVES.entrySet()) {
            Optional<ColumnInfo> column = measuredBy(table, MEASURED_BY.get(comparative.getKey()));
            if (column.isEmpty()) {
                continue;
            }
            Matcher than = Pattern.compile("(?: (?:whose|with (?:a |an )?)?" + phrase(column.get(), table)
                    + " (?:is|are|was|were))? " + comparative.getValue() + " than (-?\\d+(?:\\.\\d+)?) ").matcher(rest);
            if (than.find()) {
                boolean above = HIGHEST_ADJECTIVES.contains(comparative.getKey());
                conditions.add(quote(column.get().name()) + (above ? " > " : " < ") + than.group(1));
                described.add(column.get().name() + (above ? " above " : " below ") + than.group(1));
                rest = cut(rest, than);
            }
        }
        // "singers above the average age", "whose weight is below the average", "older than average": a
        // comparison with the column's mean over the whole table.
        for (ColumnInfo column : table.columns()) {
            String name = phrase(column, table);
            List<String> comparatives = MEASURED_BY.entrySet().stream()
                    .filter((entry) -> parts(column.name()).contains(entry.getValue()))
                    .map((entry) -> COMPARATIVES.get(entry.getKey())).toList();
            // With no comparative for this column, an alternative that never matches keeps the group numbers.
            String measure = comparatives.isEmpty() ? "(?!)()" : "(" + String.join("|", comparatives) + ")";
            Matcher average = Pattern.compile(" (?:whose |with (?:a |an )?)?" + name + " (?:is |are |was |were )?" + AVERAGE_OPERATOR
                    + " (?:the )?average(?: " + name + ")? | " + AVERAGE_OPERATOR + " (?:the )?average " + name + " | "
                    + measure + " than (?:the )?average(?: " + name + ")? ").matcher(rest);
            if (isNumeric(column) && source.equals(quote(table.name())) && average.find()) {
                String operator = (average.group(1) != null) ? average.group(1) : (average.group(2) != null)
                        ? average.group(2) : average.group(3);
                boolean above = ">".equals(OPERATORS.get(operator)) || HIGHEST_ADJECTIVES.stream()
                        .map(COMPARATIVES::get).anyMatch(operator::equals);
                String key = quote(column.name());
                conditions.add(key + (above ? " > " : " < ") + "(SELECT avg(" + key + ") FROM " + source + ")");
                described.add(column.name() + (above ? " above" : " below") + " its average");
                rest = cut(rest, average);
            }
        }
        // "cars made in 1980" and "teachers aged 32 or 33": a year names the table's only year column, an age
        // its only age column.
        for (Map.Entry<String, Pattern> measure : MEASURE_VALUES.entrySet()) {
            Matcher said = measure.getValue().matcher(rest);
            Optional<ColumnInfo> column = measuredBy(table, measure.getKey()).or(() -> numbersAsText(table, measure.getKey()));
            if (said.find() && column.isPresent()) {
                String name = column.get().name();
                boolean either = said.group(2) != null;
                String first = isNumeric(column.get()) ? said.group(1) : literal(said.group(1));
                String second = isNumeric(column.get()) ? said.group(2) : literal(said.group(2));
                conditions.add(quote(name) + (either ? " IN (" + first + ", " + second + ")" : " = " + first));
                described.add(name + " is " + said.group(1) + (either ? " or " + said.group(2) : ""));
                rest = cut(rest, said);
            }
        }
        Matcher every = EVERY_COLUMN.matcher(rest);
        boolean everyColumn = every.find();
        if (everyColumn) {
            rest = cut(rest, every);
        }
        Matcher plainOrder = Pattern.compile(" (?:(?:ordered|sorted) )?(?:in |by )?(ascending|descending|alphabetical)(?: order)? "
                + "| (?:ordered |sorted )?alphabetically ")
                .matcher(rest);
        if (orderBy == null && plainOrder.find()) {
            descending = "descending".equals(plainOrder.group(1));
            rest = rest.substring(0, plainOrder.start()) + " (order) " + rest.substring(plainOrder.end());
        }
        // A comparison belongs to the column named right before it ("population is over 5") or right after
        // its number ("more than 4 cylinders"); anything else, such as "more than 10 flights", is not understood.
        Matcher comparison = COMPARISON.matcher(rest);
        StringBuilder remaining = new StringBuilder();
        int last = 0;
        while (comparison.find()) {
            String before = rest.substring(last, comparison.start());
            String after = rest.substring(comparison.end());
            Named leading = columnBefore(before, table);
            Named named = (leading != null) ? leading : columnAfter(after, table);
            if (named == null || !isNumeric(named.column())) {
                return Optional.empty();
            }
            ColumnInfo column = named.column();
            String operator = comparison.group(1);
            if (operator.equals("between") && comparison.group(3) == null || !operator.equals("between") && !OPERATORS.containsKey(operator)) {
                return Optional.empty();
            }
            conditions.add(operator.equals("between")
                    ? quote(column.name()) + " BETWEEN " + comparison.group(2) + " AND " + comparison.group(3)
                    : quote(column.name()) + " " + OPERATORS.get(operator) + " " + comparison.group(2));
            described.add(column.name() + " " + operator + " " + comparison.group(2)
                    + ((comparison.group(3) != null) ? " and " + comparison.group(3) : ""));
            remaining.append((leading != null) ? withoutLastWords(before, named.words()) + " # " : before + " # ");
            last = (leading != null) ? comparison.end() : comparison.end() + nameLength(after, named.words());
        }
        remaining.append(rest.substring(Math.min(last, rest.length())));
        List<String> words = new ArrayList<>(List.of(remaining.toString().strip().split(" ")));
        words.removeIf(String::isBlank);

        // cars_data is "cars" in a question: trailing words such as data or info name no thing.
        String spokenTable = (nameAt(words, table.name()) >= 0) ? table.name() : withoutGenericWords(table.name());
        // Named only where a column's name begins ("document ids"), the table counts as named when it must
        // be, and as unnamed when it must not be.
        int free = tableAt(words, spokenTable, table);
        int at = (tableNamed && free < 0) ? nameAt(words, spokenTable) : free;
        boolean alsoAColumn = !spokenTable.equals(table.name()) && table.columns().stream()
                .anyMatch((column) -> parts(column.name()).size() == parts(spokenTable).size()
                        && matches(parts(column.name()), parts(spokenTable)));
        if (alsoAColumn || (at < 0) == tableNamed) {
            // model_list's "models" may be its Model column: not sure which is meant. And a reading that
            // needs the table named (or unnamed) stops here when it is not (or is).
            return Optional.empty();
        }
        // "airline names" asks for the column that names an airline.
        int after = at + parts(spokenTable).size();
        boolean namesAsked = at >= 0 && after < words.size() && Set.of("name", "names").contains(words.get(after));
        // "the cities in the United States and their population": the cities by name, then their population.
        boolean rowsAsked = at >= 0 && words.subList(after, words.size()).stream().anyMatch(Set.of("their", "its")::contains);
        if (at >= 0) {
            words.subList(at, at + parts(spokenTable).size()).clear();
        }
        if (partner != null) {
            // The joined table may be named too ("the texts of paragraphs in the document ...").
            while (removeName(words, partner.name()) || removeName(words, withoutGenericWords(partner.name()))) {
                // every mention
            }
        }
        String intent = intent(text, table);
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
        if (namesAsked || rowsAsked) {
            nameColumn(table).ifPresent((column) -> {
                targets.add(column);
                columnAt.put(column, at);
            });
        }
        // Longer names first, so "template type code" is not read as a "code".
        List<Map.Entry<ColumnInfo, List<String>>> spoken = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            spokenNames(column, table).forEach((name) -> spoken.add(Map.entry(column, name)));
        }
        spoken.sort(Comparator.comparingInt((Map.Entry<ColumnInfo, List<String>> name) -> -name.getValue().size()));
        for (Map.Entry<ColumnInfo, List<String>> name : spoken) {
            ColumnInfo column = name.getKey();
            int position = nameAt(words, name.getValue());
            while (position >= 0) {
                words.subList(position, position + name.getValue().size()).clear();
                if (!targets.contains(column)) {
                    targets.add(column);
                    columnAt.put(column, position);
                }
                // Keep positions comparable: what was removed is replaced by a marker word.
                for (int i = 0; i < name.getValue().size(); i++) {
                    words.add(position, "#");
                }
                position = nameAt(words, name.getValue());
            }
        }
        if (!tableNamed && targets.isEmpty() && ratio == null) {
            // Without the table's name, only its own columns can say the question is about it.
            return Optional.empty();
        }
        // "document ids ... for all documents": later mentions of the table say nothing new.
        while (removeName(words, spokenTable)) {
            // every mention
        }
        boolean orderAsked = words.remove("(order)");
        words.removeIf((word) -> FILLER.contains(word) || DISTINCT.contains(word) || AGGREGATES.containsKey(word)
                || word.equals("#"));
        if (!words.isEmpty()) {
            unread.offer(words);
            return Optional.empty();
        }
        String filtered = whereDescribed(described);
        String from = " FROM " + source + where(conditions);
        if (ratio != null) {
            // A ratio "for each course id" or "for each state" is one per row: the group must name the row.
            boolean perRow = groupBy == null || ownKey(table).filter(groupBy::equals).isPresent()
                    || nameColumn(table).filter(groupBy::equals).isPresent();
            if (!perRow || !"list".equals(intent) || !aggregates.isEmpty() || distinct || orderBy != null || orderAsked
                    || targets.stream().anyMatch((column) -> constrained.contains(column.name()))) {
                return Optional.empty();
            }
            if (groupBy != null && !targets.contains(groupBy)) {
                targets.add(groupBy);
            }
            if (targets.isEmpty()) {
                nameColumn(table).or(() -> ownKey(table)).ifPresent(targets::add);
            }
            if (targets.isEmpty()) {
                // A ratio per row with nothing to say which row it is.
                return Optional.empty();
            }
            targets.sort(Comparator.comparingInt((ColumnInfo column) -> columnAt.getOrDefault(column, -1)));
            return Optional.of(new Generation.Sql("SELECT " + String.join(", ", targets.stream()
                    .map((column) -> quote(column.name())).toList()) + ", " + ratio + from + " LIMIT " + maxRows,
                    "Lists " + String.join(", ", targets.stream().map(ColumnInfo::name).toList()) + " of " + table.name()
                            + filtered + "."));
        }
        if (perTarget && targets.size() == 1) {
            // "the different codes, and how many templates for each": the codes are different as groups anyway.
            return grouped(intent, aggregates, targets, targets.getFirst(), true, table, from, filtered,
                    orderBy != null || orderAsked);
        }
        if (!text.startsWith(" how many ") && text.contains(" how many ")) {
            // A list and a count in one question, other than "the codes, and how many templates for each".
            return Optional.empty();
        }
        if (groupBy != null) {
            // "the average age for each type" reads the average first, "each type and its average age" the type.
            int firstAggregate = AGGREGATES.keySet().stream().mapToInt((word) -> text.indexOf(" " + word + " "))
                    .filter((index) -> index >= 0).min().orElse(Integer.MAX_VALUE);
            boolean keyFirst = text.indexOf(groupPhrase) < firstAggregate;
            return grouped(intent, aggregates, targets, groupBy, keyFirst, table, from, filtered,
                    distinct || orderBy != null || orderAsked);
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
        if (!aggregates.isEmpty() && text.startsWith(" which ")) {
            // "Which shop has the largest ...?" asks for a row, not for the largest value.
            return Optional.empty();
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
        if (everyColumn) {
            if (!"list".equals(intent) || !aggregates.isEmpty() || !targets.isEmpty() || distinct || orderBy != null
                    || orderAsked) {
                return Optional.empty();
            }
            return Optional.of(new Generation.Sql("SELECT *" + from + " LIMIT " + maxRows,
                    "Lists every column of " + table.name() + filtered + "."));
        }
        if ("list".equals(intent) && aggregates.isEmpty()) {
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
            // Columns in the order the question asks for them.
            targets.sort(Comparator.comparingInt((ColumnInfo column) -> columnAt.getOrDefault(column, -1)));
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

    /**
     * Reads one quoted text. "names containing 'Al'", "with the word 'Hey' in its title", "starting with 'J'"
     * match part of a column's text (LIKE); "commander is not 'Boril'" or "code 'AKO'" are a whole value of
     * the column named right before it, or of the one column whose known values hold it. Adds the
     * condition and returns the question without those words, or empty when no reading fits.
     */
    private static Optional<String> quotedCondition(String rest, String marker, String literal, TableInfo table,
            boolean partialMatch, List<String> conditions, List<String> described) {
        int at = rest.indexOf(" " + marker + " ");
        if (at < 0 || rest.indexOf(" " + marker + " ", at + 1) >= 0) {
            return Optional.empty();
        }
        List<String> before = new ArrayList<>(List.of(rest.substring(0, at).strip().split(" ")));
        List<String> after = new ArrayList<>(List.of(rest.substring(at + marker.length() + 2).strip().split(" ")));
        before.removeIf(String::isBlank);
        after.removeIf(String::isBlank);
        dropTrailing(before, TEXT_NOUNS);
        dropTrailing(before, Set.of("the", "a", "an"));
        String escaped = literal.replace("'", "''");
        String pattern = null;
        if (before.size() >= 2 && before.getLast().equals("with")
                && before.get(before.size() - 2).matches("start|starts|starting|begin|begins|beginning|end|ends|ending")) {
            boolean prefix = before.get(before.size() - 2).matches("start.*|begin.*");
            pattern = prefix ? escaped + "%" : "%" + escaped;
            before.subList(before.size() - 2, before.size()).clear();
        }
        else if (!before.isEmpty() && CONTAINS.contains(before.getLast())) {
            pattern = "%" + escaped + "%";
            before.removeLast();
        }
        Named column = null;
        if (pattern != null) {
            // "... 'Hey' in its title": the column follows.
            if (after.size() >= 2 && after.getFirst().equals("in") && Set.of("it", "them").contains(after.get(1))) {
                after.subList(0, 2).clear();
            }
            else if (after.size() >= 3 && after.getFirst().equals("in") && Set.of("its", "their", "the").contains(after.get(1))) {
                column = columnAfter(String.join(" ", after.subList(2, after.size())), table);
                if (column == null) {
                    return Optional.empty();
                }
                String named = String.join(" ", after.subList(2, 2 + column.words()));
                after.subList(0, 2 + column.words()).clear();
                // "a song having 'Hey' in its name": the song's name, not the singer's.
                dropTrailing(before, Set.of("a", "an", "the"));
                Named owners = before.isEmpty() ? null : columnBefore(before.getLast() + " " + named, table);
                if (owners != null && owners.words() == column.words() + 1) {
                    column = new Named(owners.column(), column.words());
                    before.removeLast();
                }
            }
            dropTrailing(before, Set.of("that", "which", "whose", "where"));
        }
        boolean not = pattern == null && dropTrailing(before, Set.of("is", "was", "are", "were", "equals", "equal", "to",
                "named", "called", "as", "not")).contains("not");
        if (pattern == null && !before.isEmpty() && before.getLast().equals("of")) {
            // "the weight of 'Boril'": the text names a row, not the weight.
            return Optional.empty();
        }
        if (column == null) {
            column = columnBefore(String.join(" ", before), table);
            if (column != null) {
                before.subList(before.size() - column.words(), before.size()).clear();
            }
            else if (!before.isEmpty() && Set.of("name", "names").contains(before.getLast()) && nameColumn(table).isPresent()) {
                column = new Named(nameColumn(table).get(), 1);
                before.removeLast();
            }
            else if (pattern == null) {
                List<ColumnInfo> holding = table.columns().stream().filter((candidate) -> candidate.allValues()
                        && candidate.samples().stream().anyMatch((value) -> value.strip().equalsIgnoreCase(literal))).toList();
                if (holding.size() != 1) {
                    return Optional.empty();
                }
                column = new Named(holding.getFirst(), 0);
            }
            else {
                return Optional.empty();
            }
        }
        if (isNumeric(column.column()) && !literal.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        String name = quote(column.column().name());
        if (pattern == null && !not && conditions.stream().anyMatch((condition) -> condition.startsWith(name + " = "))) {
            // "paragraph text 'Brazil' and 'Ireland'": two whole values of one column.
            return Optional.empty();
        }
        // Containment is meant without regard to case; lower() reads the same in DuckDB and Athena.
        conditions.add((pattern != null) ? "lower(" + name + ") LIKE '" + pattern.toLowerCase(Locale.ROOT) + "'"
                : matching(column.column().name(), literal, not, partialMatch));
        described.add(column.column().name() + ((pattern != null) ? " like " + pattern : (not ? " is not " : " is ") + literal));
        return Optional.of(" " + String.join(" ", before) + " # " + String.join(" ", after) + " ");
    }

    /**
     * The condition that a text column holds (or does not hold) a value: the whole value, or, when the user
     * asked for names to be matched in part, the value anywhere in it regardless of case.
     */
    private static String matching(String column, String value, boolean negated, boolean partial) {
        // A stored value is compared as stored ('Aberdeen ' with its trailing space); a part of one without it.
        if (partial) {
            return "lower(" + quote(column) + ")" + (negated ? " NOT LIKE " : " LIKE ")
                    + literal("%" + value.strip().toLowerCase(Locale.ROOT) + "%");
        }
        return quote(column) + (negated ? " != " : " = ") + literal(value);
    }

    /**
     * The question without a value and the column words that label it: "abbreviation UAL", "template type
     * code PP", "the type CV", "the city of New York", "government is US territory" name the value's column and do not ask for it.
     */
    private static String withoutLabel(String rest, String column, String spokenValue) {
        List<String> parts = parts(column);
        for (int length = parts.size(); length > 0; length--) {
            for (int start = 0; start + length <= parts.size(); start++) {
                String words = " " + String.join(" ", parts.subList(start, start + length));
                for (String label : List.of(words + spokenValue, words + " of" + spokenValue, words + " is" + spokenValue)) {
                    if (rest.contains(label)) {
                        return rest.replace(label, " ");
                    }
                }
            }
        }
        return rest.replace(spokenValue, " ");
    }

    /** "How many X in each Y", "average Z per Y": one row per value of the grouping column. */
    private static Optional<Generation.Sql> grouped(String intent, List<String> aggregates, List<ColumnInfo> targets,
            ColumnInfo groupBy, boolean keyFirst, TableInfo table, String from, String filtered, boolean unsupported) {
        targets.remove(groupBy);
        String key = quote(groupBy.name());
        if (unsupported) {
            return Optional.empty();
        }
        // Groups come largest first, as a report would show them; ties in the order of the key.
        if ("count".equals(intent) && aggregates.isEmpty() && targets.isEmpty()) {
            return Optional.of(new Generation.Sql("SELECT " + key + ", count(*)" + from + " GROUP BY " + key
                    + " ORDER BY count(*) DESC, " + key, "Counts the rows of " + table.name() + filtered + " for each "
                    + groupBy.name() + ", largest count first."));
        }
        if (!aggregates.isEmpty() && targets.size() == 1 && isNumeric(targets.getFirst())) {
            // "the average and maximum age for each type": every aggregate of the one column.
            String column = quote(targets.getFirst().name());
            String value = String.join(", ", aggregates.stream().map((function) -> function + "(" + column + ")").toList());
            String first = aggregates.getFirst() + "(" + column + ")";
            return Optional.of(new Generation.Sql("SELECT " + (keyFirst ? key + ", " + value : value + ", " + key) + from
                    + " GROUP BY " + key + " ORDER BY " + first + " DESC NULLS LAST, " + key, "Computes " + value + " of "
                    + table.name() + filtered + " for each " + groupBy.name() + ", largest " + first + " first."));
        }
        return Optional.empty();
    }

    /**
     * "Which year has the most concerts?", "the most common language": the value of a column shared by
     * the most (or fewest) rows, when nothing else is asked.
     */
    private static Optional<Generation.Sql> mostFrequent(String rest, TableInfo table, String source,
            List<String> conditions, List<String> described) {
        String tablePhrase = phrase(table.name());
        for (ColumnInfo column : table.columns().stream().filter(OfflineQuestionParser::namesValues).toList()) {
            String name = phrase(column, table);
            Matcher which = Pattern.compile("^ (?:which|what)(?: is the)? (" + name + ")(?: that| which)? (?:has|have|had|is|was|are)"
                    + "(?: spoken by| used by| shared by)?(?: the)? (most|largest number of|greatest number of|highest number of"
                    + "|most number of|fewest|least|smallest number of|lowest number of) " + tablePhrase + " $").matcher(rest);
            Matcher common = Pattern.compile("^ (?:what|which) (?:is|are) the (most|least) (?:common|frequent|popular) ("
                    + name + ")(?: of| among| in)?(?: all)?(?: the)?(?: " + tablePhrase + ")? $").matcher(rest);
            boolean most;
            if (which.find()) {
                most = which.group(2).matches("(?:most|largest|greatest|highest).*");
            }
            else if (common.find()) {
                most = common.group(1).equals("most");
            }
            else {
                continue;
            }
            String key = quote(column.name());
            return Optional.of(new Generation.Sql("SELECT " + key + " FROM " + source + where(conditions) + " GROUP BY "
                    + key + " ORDER BY count(*)" + (most ? " DESC" : "") + ", " + key + " LIMIT 1", "The " + column.name()
                    + " shared by the " + (most ? "most" : "fewest") + " rows of " + table.name()
                    + whereDescribed(described) + "."));
        }
        return Optional.empty();
    }

    /**
     * "the hometowns shared by at least two teachers", "template type codes with less than three templates":
     * the values of a column that a given number of rows share.
     */
    private static Optional<Generation.Sql> sharedValues(String rest, TableInfo table, String source,
            List<String> conditions, List<String> described) {
        String tablePhrase = phrase(withoutGenericWords(table.name()));
        for (ColumnInfo column : table.columns()) {
            if (!namesValues(column)) {
                continue;
            }
            Matcher shared = Pattern.compile("^ (?:what|which|show|list|find|return|give)(?: are| is)?(?: all)?(?: the)?"
                    + "(?: different| distinct)? (" + phrase(column, table) + ")(?: that are| which are)? (?:shared by|with|that have"
                    + "|having|for which there are|that has) (?:(at least|more than|fewer than|less than|at most|exactly) "
                    + COUNT + "|" + COUNT + " or (more|fewer|less)) " + tablePhrase + " $")
                    .matcher(rest);
            if (!shared.find()) {
                continue;
            }
            String operator = (shared.group(2) != null) ? OPERATORS.get(shared.group(2))
                    : shared.group(5).equals("more") ? ">=" : "<=";
            String said = (shared.group(3) != null) ? shared.group(3) : shared.group(4);
            String number = NUMBER_WORDS.getOrDefault(said, said);
            String key = quote(column.name());
            return Optional.of(new Generation.Sql("SELECT " + key + " FROM " + source + where(conditions) + " GROUP BY "
                    + key + " HAVING count(*) " + operator + " " + number + " ORDER BY " + key, "The " + column.name()
                    + " values shared by " + operator + " " + number + " rows of " + table.name()
                    + whereDescribed(described) + "."));
        }
        return Optional.empty();
    }

    /**
     * Whether a column's values are what the question names: text, or numbers that say they are ids, codes or
     * years. flights.Airline holds numbers that point at airlines; "which airline" asks for the airline.
     */
    private static boolean namesValues(ColumnInfo column) {
        return !isNumeric(column) || Set.of("id", "code", "number", "no", "year").contains(parts(column.name()).getLast());
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String whereDescribed(List<String> described) {
        return described.isEmpty() ? "" : " where " + String.join(" and ", described);
    }

    /** A table's name as a regular expression over question words, the last word singular or plural. */
    private static String phrase(String name) {
        List<String> parts = parts(name);
        List<String> spoken = new ArrayList<>(parts.subList(0, parts.size() - 1).stream().map(Pattern::quote).toList());
        String last = parts.getLast();
        String stem = last.endsWith("ies") ? last.substring(0, last.length() - 3) + "y" : last.replaceAll("e?s$", "");
        spoken.add("(?:" + Pattern.quote(last) + "|" + Pattern.quote(stem) + "(?:s|es)?|"
                + Pattern.quote(stem.replaceAll("y$", "ies")) + ")");
        return String.join(" ", spoken);
    }

    /** A column named in a question, and in how many words. */
    private record Named(ColumnInfo column, int words) {
    }

    /**
     * The ways a question names a column: its words; without the table's name in front when it has one
     * (documents.document_description is also "description"); a thing's name by the thing (country_name
     * is "country") when no column is called that; and two words the other way round ("number of
     * products" for number_products, "form of government" for GovernmentForm).
     */
    private static List<List<String>> spokenNames(ColumnInfo column, TableInfo table) {
        List<String> parts = parts(column.name());
        List<List<String>> names = new ArrayList<>(List.of(parts));
        String tableWord = parts(table.name()).getLast();
        if (parts.size() > 1 && (sameWord(tableWord, parts.getFirst()) || sameWord(parts.getFirst(), tableWord))) {
            names.add(parts.subList(1, parts.size()));
        }
        List<String> thing = parts.subList(0, parts.size() - 1);
        // airports.AirportName is the airport's name, but "airport" is the table itself.
        if (parts.size() > 1 && parts.getLast().equals("name") && !NAME_QUALIFIERS.contains(thing.getLast())
                && !(thing.size() == 1 && (sameWord(tableWord, thing.getFirst()) || sameWord(thing.getFirst(), tableWord)))
                && table.columns().stream().noneMatch((other) -> parts(other.name()).equals(thing))) {
            names.add(thing);
        }
        if (parts.size() == 2) {
            names.add(List.of(parts.getLast(), "of", parts.getFirst()));
            if (parts.getFirst().equals("number")) {
                names.add(List.of("number", "of", parts.getLast()));
            }
        }
        return names;
    }

    /** A column's names as a regular expression over question words, each word singular or plural. */
    private static String phrase(ColumnInfo column, TableInfo table) {
        return "(?:" + String.join("|", spokenNames(column, table).stream().map((parts) -> String.join(" ",
                parts.stream().map((part) -> part.endsWith("y") ? Pattern.quote(part.substring(0, part.length() - 1)) + "(?:y|ies)"
                        : Pattern.quote(part) + "(?:s|es)?").toList())).toList()) + ")";
    }

    /** The column whose name ends the text before a comparison, allowing "is", "was" or "are" in between. */
    private static Named columnBefore(String before, TableInfo table) {
        List<String> words = new ArrayList<>(List.of(before.strip().split(" ")));
        dropTrailing(words, LINKING);
        return longest(table, (parts) -> words.size() >= parts.size()
                && matches(words.subList(words.size() - parts.size(), words.size()), parts));
    }

    /** The column whose name starts the text after a comparison's number. */
    private static Named columnAfter(String after, TableInfo table) {
        List<String> words = List.of(after.strip().split(" "));
        return longest(table, (parts) -> words.size() >= parts.size() && matches(words.subList(0, parts.size()), parts));
    }

    /** The column with the longest name that fits, or null. */
    private static Named longest(TableInfo table, java.util.function.Predicate<List<String>> fits) {
        Named best = null;
        for (ColumnInfo column : table.columns()) {
            for (List<String> parts : spokenNames(column, table)) {
                if (fits.test(parts) && (best == null || parts.size() > best.words())) {
                    best = new Named(column, parts.size());
                }
            }
        }
        return best;
    }

    private static boolean matches(List<String> words, List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (!sameWord(words.get(i), parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Removes the words of {@code dropped} from the end of {@code words}; returns the removed ones. */
    private static List<String> dropTrailing(List<String> words, Set<String> dropped) {
        List<String> removed = new ArrayList<>();
        while (!words.isEmpty() && dropped.contains(words.getLast())) {
            removed.add(words.removeLast());
        }
        return removed;
    }

    private static String withoutLastWords(String before, int count) {
        List<String> words = new ArrayList<>(List.of(before.strip().split(" ")));
        dropTrailing(words, LINKING);
        return " " + String.join(" ", words.subList(0, Math.max(0, words.size() - count))) + " ";
    }

    /** Characters of the first {@code count} words of {@code after}, with the space before them. */
    private static int nameLength(String after, int count) {
        List<String> words = List.of(after.strip().split(" "));
        return after.indexOf(words.get(0)) + String.join(" ", words.subList(0, count)).length();
    }

    /** The table's one numeric column with the word in its name (age, height, year), if it has exactly one. */
    private static Optional<ColumnInfo> measuredBy(TableInfo table, String word) {
        return onlyColumn(table, (column) -> isNumeric(column) && parts(column.name()).contains(word));
    }

    /** The table's one text column with the word in its name whose known values are all whole numbers (age '32'). */
    private static Optional<ColumnInfo> numbersAsText(TableInfo table, String word) {
        return onlyColumn(table, (column) -> !isNumeric(column) && parts(column.name()).contains(word) && column.allValues()
                && !column.samples().isEmpty() && column.samples().stream().allMatch((value) -> value.strip().matches("\\d+")));
    }

    private static Optional<ColumnInfo> onlyColumn(TableInfo table, java.util.function.Predicate<ColumnInfo> which) {
        List<ColumnInfo> matching = table.columns().stream().filter(which).toList();
        return (matching.size() == 1) ? Optional.of(matching.getFirst()) : Optional.empty();
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

    private static String intent(String question, TableInfo table) {
        // "in descending order of number of products" names a column, not a count.
        String text = question;
        for (ColumnInfo column : table.columns()) {
            for (List<String> name : spokenNames(column, table)) {
                text = text.replace(" " + String.join(" ", name) + " ", " # ");
            }
        }
        if (text.startsWith(" how many ") || text.startsWith(" count ") || text.contains(" number of ")
                || text.startsWith(" what is the count ")) {
            return "count";
        }
        if (text.matches(".* how many .* each(?: one| of them)? ")) {
            // "What are the codes, and how many templates correspond to each?"
            return "count";
        }
        if (text.contains(" how many ")) {
            // "What are the codes, and how many templates correspond to each?" asks for two things.
            return "other";
        }
        if (text.matches(" (what|which|list|show|give|get|return|find|tell|sort|order).*")) {
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

    /**
     * Where the table is named, or -1: not where its words begin a column's name ("template type code"
     * names a column of template_types, not the table).
     */
    private static int tableAt(List<String> words, String spokenTable, TableInfo table) {
        List<String> parts = parts(spokenTable);
        List<List<String>> longer = table.columns().stream().flatMap((column) -> spokenNames(column, table).stream())
                .filter((name) -> name.size() > parts.size()).toList();
        for (int i = 0; i + parts.size() <= words.size(); i++) {
            int start = i;
            boolean columnBegins = longer.stream().anyMatch((name) -> start + name.size() <= words.size()
                            && matches(words.subList(start, start + name.size()), name));
            if (matches(words.subList(i, i + parts.size()), parts) && !columnBegins) {
                return i;
            }
        }
        return -1;
    }

    /** Where the words of a name start in the question, or -1. */
    private static int nameAt(List<String> words, String name) {
        return nameAt(words, parts(name));
    }

    private static int nameAt(List<String> words, List<String> parts) {
        for (int i = 0; i + parts.size() <= words.size(); i++) {
            if (matches(words.subList(i, i + parts.size()), parts)) {
                return i;
            }
        }
        return -1;
    }

    /** A table's name as a question says it: ref_template_types is "template types", cars_data is "cars". */
    private static String withoutGenericWords(String tableName) {
        List<String> parts = new ArrayList<>(parts(tableName));
        while (parts.size() > 1 && GENERIC_SUFFIXES.contains(parts.getLast())) {
            parts.removeLast();
        }
        while (parts.size() > 1 && GENERIC_PREFIXES.contains(parts.getFirst())) {
            parts.removeFirst();
        }
        return String.join("_", parts);
    }

    /** The text without what the matcher found, a marker word in its place so no name forms across it. */
    private static String cut(String rest, Matcher found) {
        return rest.substring(0, found.start()) + " # " + rest.substring(found.end());
    }

    /** A SQL string literal. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A value as it would appear in a lower-cased question. */
    private static String spoken(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").replaceAll("\\s+", " ").strip();
    }

    /** The words of a name: {@code life_expectancy} and {@code LifeExpectancy} both read "life expectancy". */
    static List<String> parts(String name) {
        return List.of(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("_+"));
    }

    /** Whether a word of the question is a word of a name: the same, in the singular or plural, or a synonym. */
    private static boolean sameWord(String said, String part) {
        return inflected(said, part) || SYNONYMS.getOrDefault(said, List.of()).stream()
                .anyMatch((synonym) -> inflected(synonym, part));
    }

    private static boolean inflected(String said, String part) {
        return said.equals(part) || said.equals(part + "s") || said.equals(part + "es") || part.equals(said + "s")
                || (part.endsWith("y") && said.equals(part.substring(0, part.length() - 1) + "ies"));
    }
}
