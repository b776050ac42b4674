package io.clearsky.worker.generation.offline;

import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModel.Aggregation;
import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.MetricType;
import io.clearsky.core.semantic.SemanticModel.Relationship;
import io.clearsky.core.semantic.SemanticModel.TimeDimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a question into a {@link Query}: finds the model's phrases (longest first), the role words around
 * them (grouping, counting, ranking, comparing, negating) and the time words, then decides which phrase is
 * measured, which groups, which filters. Any word that is neither a model phrase nor a known function word
 * makes the reading fail with that word; a phrase that fits several objects equally makes it ask which.
 */
final class QuestionReader {

    /** What reading a question gave. */
    sealed interface Result {
    }

    /** The question as a query. */
    record Read(Query query) implements Result {
    }

    /** Words that name nothing the model knows. */
    record Unknown(List<String> words) implements Result {
    }

    /** A phrase that fits several objects equally well. */
    record Ambiguous(String phrase, List<String> choices) implements Result {
    }

    /** Every word is known, but the question's shape is not one this reader answers. */
    record Unsupported(String reason) implements Result {
    }

    private enum Kind {
        MEANING, GROUP, COUNT, DESCENDING, ASCENDING, ADJECTIVE, COMPARISON, NUMBER, NEGATION, WHICH
    }

    /** A run of words with one role. */
    private record Piece(Kind kind, int from, int to, Set<Meaning> meanings, String text, Integer number) {
    }

    private final Lexicon lexicon;

    private final SemanticModel model;

    private final LocalDate today;

    QuestionReader(Lexicon lexicon, LocalDate today) {
        this.lexicon = lexicon;
        this.model = lexicon.model();
        this.today = today;
    }

    Result read(String question) {
        List<String> raw = rawWords(question);
        List<String> words = raw.stream().map((word) -> word.toLowerCase(Locale.ROOT)).toList();
        boolean[] used = new boolean[words.size()];
        TimeReader.Reading time = TimeReader.read(words, used, this.today);
        List<Piece> pieces = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < words.size();) {
            if (used[i]) {
                i++;
                continue;
            }
            Piece piece = piece(words, raw, used, i);
            if (piece == null) {
                String word = words.get(i);
                if (!FunctionWords.isFiller(word) && !FunctionWords.isFiller(Words.lemma(word))) {
                    unknown.add(raw.get(i));
                }
                i++;
                continue;
            }
            pieces.add(piece);
            i = piece.to();
        }
        if (!unknown.isEmpty()) {
            return new Unknown(unknown);
        }
        return interpret(pieces, words, time);
    }

    /** The role of the words from {@code i}: a model phrase of two or more words, a role phrase, one word. */
    private Piece piece(List<String> words, List<String> raw, boolean[] used, int i) {
        int limit = Math.min(words.size(), i + this.lexicon.longest());
        for (int to = limit; to > i + 1; to--) {
            if (free(used, i, to)) {
                Set<Meaning> meanings = this.lexicon.meanings(words, raw, i, to);
                if (!meanings.isEmpty()) {
                    return new Piece(Kind.MEANING, i, to, meanings, String.join(" ", raw.subList(i, to)), null);
                }
            }
        }
        for (int to = Math.min(words.size(), i + 3); to > i; to--) {
            if (!free(used, i, to)) {
                continue;
            }
            String phrase = String.join(" ", words.subList(i, to));
            Kind kind = roleOf(phrase);
            if (kind != null && to > i + 1) {
                return new Piece(kind, i, to, Set.of(), phrase, null);
            }
            if (to == i + 1) {
                Set<Meaning> meanings = this.lexicon.meanings(words, raw, i, to);
                if (!meanings.isEmpty()) {
                    return new Piece(Kind.MEANING, i, to, meanings, raw.get(i), null);
                }
                if (kind != null) {
                    return new Piece(kind, i, to, Set.of(), phrase, null);
                }
                Integer number = Words.number(phrase);
                if (number != null) {
                    return new Piece(Kind.NUMBER, i, to, Set.of(), phrase, number);
                }
                if (phrase.matches("\\d+(\\.\\d+)?")) {
                    return new Piece(Kind.NUMBER, i, to, Set.of(), phrase, null);
                }
            }
        }
        return null;
    }

    private static Kind roleOf(String phrase) {
        if (FunctionWords.ADJECTIVES.containsKey(phrase)) {
            return Kind.ADJECTIVE;
        }
        if (FunctionWords.COMPARISONS.containsKey(phrase)) {
            return Kind.COMPARISON;
        }
        if (FunctionWords.GROUP.contains(phrase)) {
            return Kind.GROUP;
        }
        if (FunctionWords.COUNT.contains(phrase)) {
            return Kind.COUNT;
        }
        if (FunctionWords.DESCENDING.contains(phrase)) {
            return Kind.DESCENDING;
        }
        if (FunctionWords.ASCENDING.contains(phrase)) {
            return Kind.ASCENDING;
        }
        if (FunctionWords.NEGATION.contains(phrase) || phrase.equals("not")) {
            return Kind.NEGATION;
        }
        if (FunctionWords.WHICH.contains(phrase)) {
            return Kind.WHICH;
        }
        return null;
    }

    /** Decides what each phrase does in the question. */
    private Result interpret(List<Piece> pieces, List<String> words, TimeReader.Reading time) {
        List<Metric> metrics = new ArrayList<>();
        List<Query.Group> groups = new ArrayList<>();
        List<Query.Filter> filters = new ArrayList<>();
        Map<Dimension, List<String>> values = new LinkedHashMap<>();
        Map<Dimension, Boolean> negatedValues = new LinkedHashMap<>();
        List<Entity> counted = new ArrayList<>();
        Entity subject = null;
        Query.Group subjectGroup = null;
        boolean subjectSingular = false;
        Boolean descending = null;
        Integer limit = null;
        FunctionWords.Adjective adjective = null;
        Dimension rankBy = null;
        TimeDimension explicitTime = null;
        Dimension lastNumeric = null;
        String pendingOperator = null;
        Entity negatedEntity = null;
        boolean afterGroup = false;
        boolean afterCount = false;
        boolean afterSuperlative = false;
        boolean afterNegation = false;
        Dimension lastValueDimension = null;
        List<Dimension> numericMentions = new ArrayList<>();
        // The attributes asked for in turn ("the name and age of ..."): a listing of rows when nothing is measured.
        List<Query.Group> listed = new ArrayList<>();
        String unlisted = null;
        boolean counting = false;
        Set<Entity> mentioned = mentionedEntities(pieces);
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            switch (piece.kind()) {
                case GROUP -> afterGroup = true;
                case COUNT -> {
                    afterCount = true;
                    counting = true;
                }
                case DESCENDING, ASCENDING -> {
                    descending = piece.kind() == Kind.DESCENDING;
                    // "top 5 products" ranks the products; "the most products" counts them.
                    afterSuperlative = !FunctionWords.RANKS.contains(piece.text());
                }
                case ADJECTIVE -> {
                    adjective = FunctionWords.ADJECTIVES.get(piece.text());
                    descending = adjective.descending();
                }
                case NEGATION -> afterNegation = true;
                case WHICH -> {
                }
                case COMPARISON -> {
                    // A comparison binds to the numeric attribute just before it ("a price over 1000").
                    if (p == 0 || pieces.get(p - 1).kind() != Kind.MEANING || lastNumeric == null) {
                        return new Unsupported("'" + piece.text() + "' after something that is not a numeric attribute");
                    }
                    pendingOperator = FunctionWords.COMPARISONS.get(piece.text());
                }
                case NUMBER -> {
                    if (pendingOperator != null) {
                        Dimension compared = lastNumeric;
                        if (compared == null) {
                            return new Unsupported("a comparison with " + piece.text() + " that names no numeric attribute");
                        }
                        if (p + 1 < pieces.size() && pieces.get(p + 1).kind() == Kind.MEANING) {
                            return new Unsupported("a comparison of a count ('" + piece.text() + " "
                                    + pieces.get(p + 1).text() + "')");
                        }
                        filters.add(new Query.Comparison(compared, entityOf(compared), pendingOperator, piece.text()));
                        numericMentions.remove(compared);
                        listed.removeIf((column) -> column.expression().equals(compared.expression()));
                        pendingOperator = null;
                        lastNumeric = null;
                    }
                    else if (piece.number() != null && limit == null) {
                        limit = piece.number();
                    }
                    else {
                        return new Unsupported("the number " + piece.text());
                    }
                }
                case MEANING -> {
                    lastNumeric = null;
                    Meaning meaning = choose(piece, mentioned);
                    if (meaning == null) {
                        return ambiguity(piece, mentioned);
                    }
                    boolean context = lastValueDimension != null && sameThing(meaning, lastValueDimension)
                            && p > 0 && pieces.get(p - 1).kind() == Kind.MEANING;
                    if (!context && p + 1 < pieces.size() && pieces.get(p + 1).kind() == Kind.MEANING) {
                        Meaning next = choose(pieces.get(p + 1), mentioned);
                        context = next instanceof Meaning.OfValue value && sameThing(meaning, value.dimension())
                                && !afterGroup;
                    }
                    if (context) {
                        break;
                    }
                    switch (meaning) {
                        case Meaning.OfMetric metric -> {
                            metrics.add(metric.metric());
                            afterSuperlative = false;
                        }
                        case Meaning.OfEntity entity -> {
                            if (afterNegation) {
                                negatedEntity = entity.entity();
                            }
                            else if (afterGroup) {
                                Query.Group group = group(entity.entity());
                                if (group == null) {
                                    return new Unsupported("grouping by " + entity.label() + ", which has no name or key");
                                }
                                groups.add(group);
                            }
                            else if (afterCount || afterSuperlative) {
                                counted.add(entity.entity());
                            }
                            else if (subject == null) {
                                subject = entity.entity();
                                subjectSingular = Words.lemma(words.get(piece.to() - 1)).equals(words.get(piece.to() - 1));
                            }
                            else {
                                counted.add(entity.entity());
                            }
                            afterSuperlative = false;
                        }
                        case Meaning.OfDimension dimension -> {
                            if (dimension.numeric()) {
                                lastNumeric = dimension.dimension();
                                numericMentions.add(dimension.dimension());
                                if (afterGroup || descending != null) {
                                    rankBy = dimension.dimension();
                                }
                                else {
                                    listed.add(column(dimension));
                                }
                            }
                            else if (afterSuperlative && p > 0 && (pieces.get(p - 1).kind() == Kind.DESCENDING
                                    || pieces.get(p - 1).kind() == Kind.ASCENDING)) {
                                // "the maximum status": a superlative of something that is not a number.
                                return new Unsupported("'" + pieces.get(p - 1).text() + " " + piece.text()
                                        + "', and " + dimension.label() + " is not a number");
                            }
                            else if (afterGroup) {
                                groups.add(new Query.Group(dimension.label(), entityOf(dimension.dimension()),
                                        dimension.dimension().expression()));
                            }
                            else if (subject == null && subjectGroup == null) {
                                // "Which category has the most products": the attribute asked about.
                                subjectGroup = new Query.Group(dimension.label(), entityOf(dimension.dimension()),
                                        dimension.dimension().expression());
                                subjectSingular = Words.lemma(words.get(piece.to() - 1)).equals(words.get(piece.to() - 1));
                                listed.add(column(dimension));
                            }
                            else {
                                listed.add(column(dimension));
                                unlisted = (unlisted != null) ? unlisted : piece.text();
                            }
                        }
                        case Meaning.OfValue value -> {
                            values.computeIfAbsent(value.dimension(), (d) -> new ArrayList<>()).add(value.value());
                            negatedValues.put(value.dimension(), afterNegation);
                            lastValueDimension = value.dimension();
                            afterNegation = false;
                        }
                        case Meaning.OfSegment segment ->
                            filters.add(new Query.SegmentFilter(segment.segment(), entity(segment.segment().entity())));
                        case Meaning.OfTime timeDimension -> explicitTime = timeDimension.time();
                    }
                    afterGroup = false;
                    afterCount = false;
                }
            }
        }
        if (pendingOperator != null) {
            return new Unsupported("a comparison without a number");
        }
        values.forEach((dimension, list) -> filters.add(new Query.ValueFilter(dimension, entityOf(dimension),
                List.copyOf(new LinkedHashSet<>(list)), negatedValues.getOrDefault(dimension, false))));

        boolean ranked = descending != null;
        if (!listed.isEmpty() && metrics.isEmpty() && counted.isEmpty() && !counting && !ranked && groups.isEmpty()
                && negatedEntity == null && limit == null && explicitTime == null && time.range() == null
                && time.grain() == null) {
            return listing(listed, subject, filters);
        }
        if (unlisted != null) {
            return new Unsupported("the attribute '" + unlisted + "' without a value or a 'by'");
        }
        // What is measured: the metrics named, else the entity counted.
        if (metrics.isEmpty()) {
            if (!counted.isEmpty()) {
                if (counted.size() > 1) {
                    return new Unsupported("counting both " + counted.get(0).name() + " and " + counted.get(1).name());
                }
                metrics.add(count(counted.get(0)));
                counted.clear();
            }
            else if (subject != null && !ranked) {
                metrics.add(count(subject));
                subject = null;
            }
        }
        if (!counted.isEmpty()) {
            return new Unsupported("what '" + counted.get(0).name() + "' does next to " + metrics.get(0).name());
        }
        if (negatedEntity != null) {
            Entity pointed = (metrics.size() == 1 && isCount(metrics.get(0))) ? entity(metrics.get(0).entity()) : null;
            Relationship pointing = (pointed != null) ? pointing(negatedEntity, pointed) : null;
            if (pointing == null) {
                return new Unsupported("rows without " + negatedEntity.name());
            }
            filters.add(new Query.NothingPointing(pointed, negatedEntity, pointing));
        }
        if (time.range() != null) {
            filters.add(new Query.Period(time.range()));
        }
        Query.Order order = null;
        if (subjectGroup != null && (!ranked || subject != null)) {
            return new Unsupported("the attribute '" + subjectGroup.label() + "' without a value or a 'by'");
        }
        if (ranked) {
            if (subjectGroup != null) {
                groups.add(0, subjectGroup);
            }
            if (subject != null) {
                Query.Group group = group(subject);
                if (group == null) {
                    return new Unsupported("ranking " + subject.name() + ", which has no name or key");
                }
                groups.add(0, group);
            }
            if (groups.isEmpty()) {
                return new Unsupported("a ranking of nothing named");
            }
            if (limit == null) {
                if (!subjectSingular) {
                    return new Unsupported("a ranking that says neither how many rows nor 'which one'");
                }
                limit = 1;
            }
            if (metrics.isEmpty()) {
                Entity ranking = groups.get(0).entity();
                if (rankBy == null && adjective != null) {
                    rankBy = attribute(ranking, adjective.attributes());
                }
                if (rankBy == null && numericMentions.size() == 1) {
                    rankBy = numericMentions.get(0);
                }
                if (rankBy == null || !entityOf(rankBy).equals(ranking) || groups.size() > 1) {
                    return new Unsupported("a ranking by nothing measured");
                }
                order = new Query.Order(-1, descending);
            }
            else {
                if (metrics.size() > 1) {
                    return new Unsupported("a ranking by several measures");
                }
                order = new Query.Order(0, descending);
            }
        }
        else {
            if (subject != null && !metrics.isEmpty() && !subject.name().equals(metrics.get(0).entity())) {
                return new Unsupported("what '" + subject.name() + "' does next to " + metrics.get(0).name());
            }
            if (limit != null) {
                return new Unsupported("the number " + limit + " without a ranking");
            }
            if (metrics.isEmpty()) {
                return new Unsupported("nothing to measure or count");
            }
        }
        if (rankBy != null && (!metrics.isEmpty() || order == null)) {
            return new Unsupported("the attribute '" + rankBy.name() + "' next to a measure");
        }
        numericMentions.remove(rankBy);
        if (!numericMentions.isEmpty()) {
            return new Unsupported("the attribute '" + numericMentions.get(0).name() + "' without a comparison or ranking");
        }
        TimeDimension timeDimension = explicitTime;
        if (timeDimension == null && (time.range() != null || time.grain() != null)) {
            if (metrics.isEmpty()) {
                return new Unsupported("a period for a ranking of rows");
            }
            timeDimension = timeOf(metrics.get(0));
            if (timeDimension == null) {
                return new Unsupported("a date or period, but " + metrics.get(0).name() + " has no single date");
            }
        }
        return new Read(new Query(metrics, groups, timeDimension, time.grain(), filters, order, limit, rankBy,
                List.of()));
    }

    /**
     * The rows of the subject (else of the first attribute's entity) with the attributes asked for, in turn;
     * the other attributes are read along many-to-one joins from it.
     */
    private Result listing(List<Query.Group> listed, Entity subject, List<Query.Filter> filters) {
        Set<String> filtered = new LinkedHashSet<>();
        for (Query.Filter filter : filters) {
            if (filter instanceof Query.ValueFilter value) {
                if (value.values().size() > 1) {
                    // "paragraphs with text 'Brazil' and 'Ireland'": one value per row, or both per document?
                    return new Unsupported("several values of " + value.dimension().name() + " in a list of rows");
                }
                filtered.add(value.dimension().expression());
            }
        }
        // "teachers whose hometown is not X": the attribute names the filter, it is not asked for.
        List<Query.Group> asked = listed.stream().filter((column) -> !filtered.contains(column.expression())).toList();
        if (asked.isEmpty()) {
            return new Unsupported("nothing asked of the rows but the attribute they are filtered by");
        }
        Entity base = (subject != null) ? subject : asked.get(0).entity();
        List<Query.Group> columns = asked.stream().distinct()
                .map((column) -> new Query.Group(column.label(), base, column.expression())).toList();
        return new Read(new Query(List.of(), List.of(), null, null, filters, null, null, null, columns));
    }

    private Query.Group column(Meaning.OfDimension dimension) {
        return new Query.Group(dimension.label(), entityOf(dimension.dimension()), dimension.dimension().expression());
    }

    /** The one meaning of a piece, preferring the entities the question mentions; null when several fit. */
    private Meaning choose(Piece piece, Set<Entity> mentioned) {
        List<Meaning> meanings = distinct(piece.meanings());
        if (meanings.size() == 1) {
            return meanings.get(0);
        }
        // A phrase that names a model object is that object, not a value that happens to be spelled alike.
        List<Meaning> objects = meanings.stream().filter((meaning) -> !(meaning instanceof Meaning.OfValue)).toList();
        if (objects.size() == 1) {
            return objects.get(0);
        }
        // One column under several names: the dimension named after the column's own entity is the column.
        if (objects.isEmpty()) {
            Set<String> expressions = meanings.stream().map((meaning) -> ((Meaning.OfValue) meaning).dimension().expression()
                    .replace("\"", "").toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
            if (expressions.size() == 1) {
                List<Meaning> own = meanings.stream().filter((meaning) -> {
                    Dimension dimension = ((Meaning.OfValue) meaning).dimension();
                    Entity owner = this.model.entities().stream().filter((entity) -> SqlCompiler.tablesIn(dimension.expression())
                            .contains(entity.table().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
                    return owner != null && owner.name().equals(dimension.name());
                }).toList();
                if (own.size() == 1) {
                    return own.get(0);
                }
            }
        }
        List<Meaning> near = meanings.stream().filter((meaning) -> mentioned.contains(entityOfMeaning(meaning))).toList();
        if (near.size() == 1) {
            return near.get(0);
        }
        List<Meaning> segments = meanings.stream().filter(Meaning.OfSegment.class::isInstance).toList();
        return (segments.size() == 1) ? segments.get(0) : null;
    }

    private Result ambiguity(Piece piece, Set<Entity> mentioned) {
        List<String> choices = distinct(piece.meanings()).stream().map(this::describe).distinct().toList();
        return new Ambiguous(piece.text(), choices);
    }

    private String describe(Meaning meaning) {
        Entity entity = entityOfMeaning(meaning);
        String owner = (entity != null) ? " of " + entity.name() : "";
        return switch (meaning) {
            case Meaning.OfValue value -> value.value() + " as " + value.dimension().name() + owner;
            case Meaning.OfEntity entityMeaning -> entityMeaning.entity().name();
            default -> meaning.label() + (meaning instanceof Meaning.OfMetric ? "" : owner);
        };
    }

    /**
     * The meanings that differ: an entity and its own count, or an entity and the dimension of its name, are
     * one meaning.
     */
    private List<Meaning> distinct(Set<Meaning> meanings) {
        List<Meaning> kept = new ArrayList<>();
        for (Meaning meaning : meanings) {
            boolean redundant = false;
            if (meaning instanceof Meaning.OfMetric metric && isCount(metric.metric()) && metric.metric().filter() == null) {
                redundant = meanings.stream().anyMatch((other) -> other instanceof Meaning.OfEntity entity
                        && entity.entity().name().equals(metric.metric().entity()));
            }
            if (meaning instanceof Meaning.OfDimension dimension) {
                // The entity's own name column is the entity.
                redundant = meanings.stream().anyMatch((other) -> other instanceof Meaning.OfEntity entity
                        && names(entity.entity(), dimension.dimension())
                        && entity.entity().name().equals(dimension.dimension().entity()));
            }
            if (meaning instanceof Meaning.OfEntity entity) {
                // A dimension naming the entity from another one says which way to reach it ("an order's region
                // is its customer's").
                redundant = meanings.stream().anyMatch((other) -> other instanceof Meaning.OfDimension dimension
                        && names(entity.entity(), dimension.dimension())
                        && !entity.entity().name().equals(dimension.dimension().entity()));
            }
            if (!redundant) {
                kept.add(meaning);
            }
        }
        return kept;
    }

    private Set<Entity> mentionedEntities(List<Piece> pieces) {
        Set<Entity> mentioned = new LinkedHashSet<>();
        for (Piece piece : pieces) {
            if (piece.kind() == Kind.MEANING) {
                List<Meaning> meanings = distinct(piece.meanings());
                if (meanings.size() == 1 && meanings.get(0) instanceof Meaning.OfEntity entity) {
                    mentioned.add(entity.entity());
                }
                if (meanings.size() == 1 && meanings.get(0) instanceof Meaning.OfMetric metric) {
                    mentioned.add(entity(metric.metric().entity()));
                }
            }
        }
        return mentioned;
    }

    private Entity entityOfMeaning(Meaning meaning) {
        return switch (meaning) {
            case Meaning.OfMetric metric -> entity(metric.metric().entity());
            case Meaning.OfEntity entity -> entity.entity();
            case Meaning.OfDimension dimension -> entityOf(dimension.dimension());
            case Meaning.OfValue value -> entityOf(value.dimension());
            case Meaning.OfSegment segment -> entity(segment.segment().entity());
            case Meaning.OfTime time -> entity(time.time().entity());
        };
    }

    /** Whether a word next to a value only repeats what the value is ("the DACH region", "the Books category"). */
    private boolean sameThing(Meaning meaning, Dimension valueDimension) {
        return switch (meaning) {
            case Meaning.OfDimension dimension -> dimension.dimension().equals(valueDimension);
            case Meaning.OfEntity entity -> entity.entity().equals(entityOf(valueDimension)) || names(entity.entity(), valueDimension)
                    || SqlCompiler.tablesIn(valueDimension.expression()).contains(entity.entity().table().toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

    /** Whether the dimension is the entity's name column. */
    private static boolean names(Entity entity, Dimension dimension) {
        if (entity.nameColumn() == null) {
            return false;
        }
        String expression = dimension.expression().replace("\"", "").toLowerCase(Locale.ROOT);
        String name = entity.nameColumn().toLowerCase(Locale.ROOT);
        return expression.equals(entity.table().toLowerCase(Locale.ROOT) + "." + name);
    }

    /** The group that stands for an entity: its name column, else its key. */
    private static Query.Group group(Entity entity) {
        String column = (entity.nameColumn() != null) ? entity.nameColumn()
                : (entity.primaryKey().size() == 1) ? entity.primaryKey().get(0) : null;
        if (column == null) {
            return null;
        }
        return new Query.Group(entity.name(), entity, io.clearsky.core.catalog.Identifiers.quote(entity.table()) + "."
                + io.clearsky.core.catalog.Identifiers.quote(column));
    }

    /** The numeric attribute of the entity whose name holds the first of the words that one holds. */
    private Dimension attribute(Entity entity, String... words) {
        for (String word : words) {
            List<Dimension> found = this.model.dimensions().stream()
                    .filter((dimension) -> dimension.entity().equals(entity.name()))
                    .filter((dimension) -> Words.of(dimension.name()).contains(word)
                            || dimension.synonyms().stream().anyMatch((synonym) -> Words.of(synonym).contains(word)))
                    .toList();
            if (found.size() == 1) {
                return found.get(0);
            }
        }
        return null;
    }

    /** The count of an entity's rows: the model's own count metric when it has one. */
    private Metric count(Entity entity) {
        return this.model.metrics().stream()
                .filter((metric) -> metric.entity().equals(entity.name()) && isCount(metric) && metric.filter() == null)
                .findFirst()
                .orElseGet(() -> new Metric("number of " + io.clearsky.core.semantic.ModelDerivation.plural(entity.name()),
                        entity.name(), MetricType.SIMPLE, Aggregation.COUNT, null, null, null, null, null, List.of(), null));
    }

    static boolean isCount(Metric metric) {
        return metric.type() == MetricType.SIMPLE && metric.aggregation() == Aggregation.COUNT && metric.expression() == null;
    }

    /** The relationship along which rows of {@code other} point at one row of {@code entity}. */
    private Relationship pointing(Entity other, Entity entity) {
        List<Relationship> found = this.model.relationships().stream()
                .filter((relationship) -> relationship.from().equals(other.name()) && relationship.to().equals(entity.name()))
                .toList();
        return (found.size() == 1) ? found.get(0) : null;
    }

    /** The metric's own time dimension, else the only one on its entity or one many-to-one step away. */
    private TimeDimension timeOf(Metric metric) {
        Metric base = metric;
        if (metric.type() == MetricType.RATIO && metric.timeDimension() == null) {
            base = this.model.metric(metric.numerator()).orElse(metric);
        }
        if (base.timeDimension() != null) {
            String name = base.timeDimension();
            return this.model.timeDimensions().stream().filter((time) -> time.name().equals(name)).findFirst().orElse(null);
        }
        String entity = base.entity();
        List<TimeDimension> own = this.model.timeDimensions().stream().filter((time) -> time.entity().equals(entity)).toList();
        if (own.size() == 1) {
            return own.get(0);
        }
        if (!own.isEmpty()) {
            return null;
        }
        Set<String> partners = new LinkedHashSet<>();
        for (Relationship relationship : this.model.relationships()) {
            if (relationship.from().equals(entity) && relationship.cardinality() != SemanticModel.Cardinality.ONE_TO_MANY
                    && relationship.cardinality() != SemanticModel.Cardinality.MANY_TO_MANY) {
                partners.add(relationship.to());
            }
        }
        List<TimeDimension> near = this.model.timeDimensions().stream().filter((time) -> partners.contains(time.entity())).toList();
        return (near.size() == 1) ? near.get(0) : null;
    }

    private Entity entityOf(Dimension dimension) {
        return entity(dimension.entity());
    }

    private Entity entity(String name) {
        return this.model.entities().stream().filter((entity) -> entity.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The model names an unknown entity " + name));
    }

    private static boolean free(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<String> rawWords(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.replace("&", " & ").split("[^\\p{L}\\p{N}&]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
