package io.clearsky.worker.generation.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.ModelUsage;
import io.clearsky.worker.generation.prompt.AnswerTools.MalformedAnswerException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Reading tool input into replies: what is accepted, tidied or refused before anything reaches the guard.
 */
class AnswerToolsTest {

    @Test
    void anAnswerIsTidiedButKeepsItsMeaning() throws Exception {
        Generation generation = AnswerTools.read("answer_with_sql", """
                {"sql": "SELECT 1;;", "explanation": "One.", "tables_used": ["t", 3], "confidence": 1.7,
                 "chart_hint": "hologram", "assumptions": ["a"]}""", ModelUsage.NONE);

        assertThat(generation).isEqualTo(new Generation.Sql("SELECT 1", "One.", List.of("t"), List.of("a"), null, 1.0,
                ModelUsage.NONE));
    }

    @Test
    void aRefusalNeedsOnlyItsReason() throws Exception {
        assertThat(AnswerTools.read("cannot_answer", "{\"reason\": \"No data.\"}", ModelUsage.NONE))
                .isEqualTo(new Generation.CannotAnswer("No data."));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"explanation\": \"x\"}", "{\"sql\": \"\", \"explanation\": \"x\"}",
            "{\"sql\": 42, \"explanation\": \"x\"}", "{\"sql\": \"SELECT 1\"}",
            "{\"sql\": \"SELECT 1\", \"explanation\": \"x\", \"confidence\": \"high\"}", "[1]", "not json" })
    void inputThatDoesNotFitTheSchemaIsRefused(String input) {
        assertThatThrownBy(() -> AnswerTools.read("answer_with_sql", input, ModelUsage.NONE))
                .isInstanceOf(MalformedAnswerException.class);
    }

    @Test
    void anUnknownToolIsRefused() {
        assertThatThrownBy(() -> AnswerTools.read("drop_tables", "{}", ModelUsage.NONE))
                .isInstanceOf(MalformedAnswerException.class).hasMessage("unknown tool drop_tables");
    }

    @Test
    void aStreamedExplanationIsReadBeforeItsJsonIsComplete() {
        assertThat(PartialJson.stringSoFar("{\"sql\": \"SELECT 1\", \"explanation\": \"Counts \\\"open\\\" ord", "explanation"))
                .isEqualTo("Counts \"open\" ord");
        assertThat(PartialJson.stringSoFar("{\"sql\": \"SELECT 1\", \"expla", "explanation")).isNull();
    }
}
