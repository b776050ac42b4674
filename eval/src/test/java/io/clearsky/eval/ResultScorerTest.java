package io.clearsky.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultScorerTest {

    @Test
    void rowsInAnotherOrderMatchUnlessOrderMatters() {
        ResultTable gold = table(List.of("integer"), row(1L), row(2L), row(3L));
        ResultTable shuffled = table(List.of("integer"), row(3L), row(1L), row(2L));

        assertThat(ResultScorer.matches(shuffled, gold, false)).isTrue();
        assertThat(ResultScorer.matches(shuffled, gold, true)).isFalse();
        assertThat(ResultScorer.matches(gold, gold, true)).isTrue();
    }

    @Test
    void tiesMayComeInEitherOrderWhenOrderDoesNotMatter() {
        ResultTable gold = table(List.of("string", "integer"), row("a", 2L), row("b", 2L), row("c", 1L));
        ResultTable tiesSwapped = table(List.of("string", "integer"), row("b", 2L), row("a", 2L), row("c", 1L));

        assertThat(ResultScorer.matches(tiesSwapped, gold, false)).isTrue();
    }

    @Test
    void columnsAreMatchedInAnyOrderAndByValueNotName() {
        ResultTable gold = table(List.of("string", "integer"), row("x", 1L), row("y", 2L));
        ResultTable swapped = table(List.of("integer", "string"), row(1L, "x"), row(2L, "y"));
        ResultTable rowsCrossed = table(List.of("integer", "string"), row(2L, "x"), row(1L, "y"));

        assertThat(ResultScorer.matches(swapped, gold, true)).isTrue();
        assertThat(ResultScorer.matches(rowsCrossed, gold, false)).isFalse();
    }

    @Test
    void numbersCompareNumericallyWithinARelativeTolerance() {
        ResultTable gold = table(List.of("double"), row(1.0 / 3));

        assertThat(ResultScorer.matches(table(List.of("double"), row(0.3333333334)), gold, false)).isTrue();
        assertThat(ResultScorer.matches(table(List.of("double"), row(0.3334)), gold, false)).isFalse();
        assertThat(ResultScorer.matches(table(List.of("integer"), row(2L)), table(List.of("double"), row(2.0)), false)).isTrue();
        assertThat(ResultScorer.matches(table(List.of("decimal"), row("12.50")), table(List.of("double"), row(12.5)), false))
                .isTrue();
        assertThat(ResultScorer.matches(table(List.of("double"), row(1e12 + 1)), table(List.of("double"), row(1e12)), false))
                .isTrue();
    }

    @Test
    void nullsEqualNullsOnlyAndBooleansCountAsZeroOrOne() {
        assertThat(ResultScorer.matches(table(List.of("string"), row((Object) null)), table(List.of("string"), row((Object) null)),
                false)).isTrue();
        assertThat(ResultScorer.matches(table(List.of("string"), row("")), table(List.of("string"), row((Object) null)), false))
                .isFalse();
        assertThat(ResultScorer.matches(table(List.of("integer"), row(0L)), table(List.of("integer"), row((Object) null)), false))
                .isFalse();
        assertThat(ResultScorer.matches(table(List.of("boolean"), row(true)), table(List.of("integer"), row(1L)), false)).isTrue();
    }

    @Test
    void duplicatesCount() {
        ResultTable gold = table(List.of("string"), row("a"), row("a"), row("b"));

        assertThat(ResultScorer.matches(table(List.of("string"), row("a"), row("b"), row("b")), gold, false)).isFalse();
        assertThat(ResultScorer.matches(table(List.of("string"), row("a"), row("b")), gold, false)).isFalse();
        assertThat(ResultScorer.matches(table(List.of("string"), row("b"), row("a"), row("a")), gold, false)).isTrue();
    }

    @Test
    void differentShapesNeverMatch() {
        assertThat(ResultScorer.matches(table(List.of("integer", "integer"), row(1L, 1L)), table(List.of("integer"), row(1L)),
                false)).isFalse();
        assertThat(ResultScorer.matches(table(List.of("integer")), table(List.of("integer"), row(1L)), false)).isFalse();
        assertThat(ResultScorer.matches(table(List.of("integer")), table(List.of("integer")), false)).isTrue();
    }

    private static ResultTable table(List<String> types, List<?>... rows) {
        return new ResultTable(types, Arrays.stream(rows).map((row) -> (List<Object>) new ArrayList<Object>(row)).toList());
    }

    private static List<?> row(Object... values) {
        return Arrays.asList(values);
    }
}
