package io.clearsky.worker.generation.offline;

import io.clearsky.core.semantic.SemanticModel.Grain;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * Reads what a question says about time: a period to keep (a year, a quarter, a month, "since March 2024",
 * "last month" against today) as a half-open date range, and a grain to bucket by ("monthly", "per
 * quarter"). The words read are marked so no other reader sees them.
 */
final class TimeReader {

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private static final Map<String, Grain> ADJECTIVES = Map.of("daily", Grain.DAY, "weekly", Grain.WEEK, "monthly",
            Grain.MONTH, "quarterly", Grain.QUARTER, "yearly", Grain.YEAR, "annual", Grain.YEAR, "annually", Grain.YEAR);

    private static final Map<String, Grain> NOUNS = Map.of("day", Grain.DAY, "week", Grain.WEEK, "month", Grain.MONTH,
            "quarter", Grain.QUARTER, "year", Grain.YEAR);

    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth");

    /**
     * A period from {@code from} (inclusive) to {@code to} (exclusive); {@code to} is null for "since".
     *
     * @param from the first day
     * @param to the day after the last, or null when open
     * @param words what the question said, for the explanation
     */
    record Range(LocalDate from, LocalDate to, String words) {
    }

    /**
     * What the question says about time.
     *
     * @param range the period to keep, or null
     * @param grain the bucket to group by, or null
     */
    record Reading(Range range, Grain grain) {
    }

    private TimeReader() {
    }

    /** Reads {@code words}, setting {@code used[i]} for every word it reads. */
    static Reading read(List<String> words, boolean[] used, LocalDate today) {
        Range range = null;
        Grain grain = null;
        for (int i = 0; i < words.size(); i++) {
            if (used[i]) {
                continue;
            }
            String word = words.get(i);
            Grain adjective = ADJECTIVES.get(word);
            if (adjective != null) {
                grain = adjective;
                mark(used, i, i + 1);
                continue;
            }
            Range found = range(words, i, today);
            if (found != null) {
                range = found;
                int length = found.words().split(" ").length;
                mark(used, i, i + length);
                i += length - 1;
                continue;
            }
            Grain noun = NOUNS.get(Words.lemma(word));
            boolean marked = i > 0 && (FunctionWords.GROUP.contains(words.get(i - 1)) || words.get(i - 1).equals("a"));
            if (noun != null && marked) {
                grain = noun;
                mark(used, i - 1, i + 1);
                if (i >= 2 && (words.get(i - 2).equals("for") || words.get(i - 2).equals("in") || words.get(i - 2).equals("of"))
                        && words.get(i - 1).equals("each")) {
                    used[i - 2] = true;
                }
            }
        }
        return new Reading(range, grain);
    }

    /** The period that starts at word {@code i}, or null. */
    private static Range range(List<String> words, int i, LocalDate today) {
        String word = words.get(i);
        String next = (i + 1 < words.size()) ? words.get(i + 1) : "";
        String third = (i + 2 < words.size()) ? words.get(i + 2) : "";
        String fourth = (i + 3 < words.size()) ? words.get(i + 3) : "";
        if (word.matches("q[1-4]") && year(next) != null) {
            return quarter(year(next), word.charAt(1) - '0', word + " " + next);
        }
        if (ORDINALS.contains(word) && next.equals("quarter")) {
            Integer year = year(third.equals("of") || third.equals("in") ? fourth : third);
            if (year != null) {
                int skip = (third.equals("of") || third.equals("in")) ? 1 : 0;
                return quarter(year, ORDINALS.indexOf(word) + 1,
                        String.join(" ", words.subList(i, i + 3 + skip)));
            }
        }
        if (word.equals("since") || word.equals("from")) {
            if (MONTHS.contains(next) && year(third) != null) {
                return new Range(LocalDate.of(year(third), MONTHS.indexOf(next) + 1, 1), null, word + " " + next + " " + third);
            }
            if (year(next) != null && !third.equals("to")) {
                return new Range(LocalDate.of(year(next), 1, 1), null, word + " " + next);
            }
            return null;
        }
        if (word.equals("between") && year(next) != null && third.equals("and") && year(fourth) != null) {
            return new Range(LocalDate.of(year(next), 1, 1), LocalDate.of(year(fourth) + 1, 1, 1),
                    String.join(" ", words.subList(i, i + 4)));
        }
        if (MONTHS.contains(word) && year(next) != null) {
            LocalDate from = LocalDate.of(year(next), MONTHS.indexOf(word) + 1, 1);
            return new Range(from, from.plusMonths(1), word + " " + next);
        }
        boolean period = i == 0 || List.of("in", "during", "for", "of", "throughout").contains(words.get(i - 1));
        if (year(word) != null && period && !List.of("top", "first", "bottom").contains(i > 0 ? words.get(i - 1) : "")) {
            return new Range(LocalDate.of(year(word), 1, 1), LocalDate.of(year(word) + 1, 1, 1), word);
        }
        if ((word.equals("last") || word.equals("previous") || word.equals("past")) && NOUNS.containsKey(next)) {
            return previous(NOUNS.get(next), today, word + " " + next);
        }
        if (word.equals("this") && NOUNS.containsKey(next)) {
            LocalDate start = start(NOUNS.get(next), today);
            return new Range(start, advance(NOUNS.get(next), start, 1), word + " " + next);
        }
        if ((word.equals("last") || word.equals("past")) && Words.number(next) != null && NOUNS.containsKey(Words.lemma(third))) {
            Grain unit = NOUNS.get(Words.lemma(third));
            return new Range(advance(unit, today, -Words.number(next)), today.plusDays(1), word + " " + next + " " + third);
        }
        if (word.equals("today")) {
            return new Range(today, today.plusDays(1), word);
        }
        if (word.equals("yesterday")) {
            return new Range(today.minusDays(1), today, word);
        }
        return null;
    }

    private static Range quarter(int year, int quarter, String words) {
        LocalDate from = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new Range(from, from.plusMonths(3), words);
    }

    private static Range previous(Grain grain, LocalDate today, String words) {
        LocalDate start = start(grain, today);
        return new Range(advance(grain, start, -1), start, words);
    }

    static LocalDate start(Grain grain, LocalDate day) {
        return switch (grain) {
            case DAY -> day;
            case WEEK -> day.with(java.time.DayOfWeek.MONDAY);
            case MONTH -> day.with(TemporalAdjusters.firstDayOfMonth());
            case QUARTER -> LocalDate.of(day.getYear(), 3 * (day.get(IsoFields.QUARTER_OF_YEAR) - 1) + 1, 1);
            case YEAR -> day.with(TemporalAdjusters.firstDayOfYear());
        };
    }

    private static LocalDate advance(Grain grain, LocalDate day, int count) {
        return switch (grain) {
            case DAY -> day.plusDays(count);
            case WEEK -> day.plusWeeks(count);
            case MONTH -> day.plusMonths(count);
            case QUARTER -> day.plusMonths(3L * count);
            case YEAR -> day.plusYears(count);
        };
    }

    private static Integer year(String word) {
        return word.matches("(19|20)\\d\\d") ? Integer.valueOf(word) : null;
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(used.length, to); i++) {
            used[i] = true;
        }
    }
}
