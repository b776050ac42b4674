package io.clearsky.worker.generation.offline;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.semantic.ModelDerivation;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.Segment;
import io.clearsky.core.semantic.SemanticModel.TimeDimension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every phrase the model knows, by its lemmas: each object's name and synonyms, and the values of the
 * dimensions whose values the catalog lists in full. Built once per question from the model and the
 * catalog tables at hand.
 */
final class Lexicon {

    private static final Pattern COLUMN = Pattern.compile("^\"?([^\".\\s]+)\"?\\.\"?([^\".\\s]+)\"?$");

    private static final Pattern NUMERIC = Pattern.compile(
            "(?i)(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*|NUMERIC.*)");

    private final SemanticModel model;

    private final Map<String, Set<Meaning>> phrases = new LinkedHashMap<>();

    /** Values that are codes ("USA"): matched only as written, so the word "are" is not the code ARE. */
    private final Set<String> codes = new LinkedHashSet<>();

    private int longest = 1;

    Lexicon(SemanticModel model, List<TableInfo> tables) {
        this.model = model;
        for (Entity entity : model.entities()) {
            Meaning meaning = new Meaning.OfEntity(entity);
            add(entity.name(), meaning);
            add(ModelDerivation.plural(entity.name()), meaning);
            add(String.join(" ", ModelDerivation.words(entity.table())), meaning);
            entity.synonyms().forEach((synonym) -> add(synonym, meaning));
        }
        for (Metric metric : model.metrics()) {
            Meaning meaning = new Meaning.OfMetric(metric);
            add(metric.name(), meaning);
            metric.synonyms().forEach((synonym) -> add(synonym, meaning));
        }
        for (Dimension dimension : model.dimensions()) {
            ColumnInfo column = column(dimension.expression(), tables);
            Meaning meaning = new Meaning.OfDimension(dimension, column != null && NUMERIC.matcher(column.type()).matches());
            add(dimension.name(), meaning);
            dimension.synonyms().forEach((synonym) -> add(synonym, meaning));
            if (dimension.indexedValues() && column != null && column.allValues()) {
                for (String value : column.samples()) {
                    addValue(dimension, value);
                }
            }
        }
        for (TimeDimension time : model.timeDimensions()) {
            Meaning meaning = new Meaning.OfTime(time);
            add(time.name(), meaning);
            time.synonyms().forEach((synonym) -> add(synonym, meaning));
        }
        for (Segment segment : model.segments()) {
            Meaning meaning = new Meaning.OfSegment(segment);
            add(segment.name(), meaning);
            segment.synonyms().forEach((synonym) -> add(synonym, meaning));
        }
    }

    SemanticModel model() {
        return this.model;
    }

    int longest() {
        return this.longest;
    }

    /** The meanings of the words {@code from} to {@code to} (exclusive), as written in {@code raw}. */
    Set<Meaning> meanings(List<String> words, List<String> raw, int from, int to) {
        List<String> phrase = words.subList(from, to);
        Set<Meaning> found = new LinkedHashSet<>(this.phrases.getOrDefault(Words.key(phrase), Set.of()));
        List<String> verb = new ArrayList<>(phrase);
        verb.set(verb.size() - 1, Words.verbLemma(verb.get(verb.size() - 1)));
        found.addAll(this.phrases.getOrDefault(Words.key(verb), Set.of()));
        found.removeIf((meaning) -> meaning instanceof Meaning.OfValue value && this.codes.contains(value.value())
                && !String.join(" ", raw.subList(from, to)).equals(value.value()));
        return found;
    }

    private void addValue(Dimension dimension, String value) {
        List<String> words = Words.of(value);
        if (words.isEmpty() || value.length() < 2 || value.matches("[\\d.,\\s-]+") || words.size() > 6) {
            return;
        }
        if (value.length() <= 3 && value.equals(value.toUpperCase(Locale.ROOT)) && value.chars().anyMatch(Character::isLetter)) {
            this.codes.add(value);
        }
        if (FunctionWords.isFunctionWord(Words.key(words))) {
            return;
        }
        add(value, new Meaning.OfValue(dimension, value));
    }

    private void add(String phrase, Meaning meaning) {
        if (phrase == null || phrase.isBlank()) {
            return;
        }
        List<String> words = Words.of(phrase);
        if (words.isEmpty()) {
            return;
        }
        this.longest = Math.max(this.longest, words.size());
        this.phrases.computeIfAbsent(Words.key(words), (key) -> new LinkedHashSet<>()).add(meaning);
    }

    /** The catalog column an expression names ({@code orders.status} or {@code "orders"."status"}); null when none. */
    static ColumnInfo column(String expression, List<TableInfo> tables) {
        if (expression == null) {
            return null;
        }
        Matcher matcher = COLUMN.matcher(expression.strip());
        if (!matcher.matches()) {
            return null;
        }
        for (TableInfo table : tables) {
            if (table.name().equalsIgnoreCase(matcher.group(1))) {
                return table.column(matcher.group(2));
            }
        }
        return null;
    }
}
