package io.clearsky.worker.generation.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.SemanticFixture;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SqlPromptTest {

    @Test
    void tablesAreDdlWithTheirMeaning() {
        String system = SqlPrompt.system(new GenerationRequest("How many orders?", SemanticFixture.SCHEMA, 10, "duckdb"),
                LocalDate.of(2026, 12, 4));

        assertThat(system).contains("CREATE TABLE orders ( -- Customer orders, one row per order\n  order_id integer,\n"
                + "  status varchar, -- where the order is (e.g. 'shipped', 'pending')\n"
                + "  dt string -- (partition key) load date\n);").doesNotContain("Business definitions");
    }

    @Test
    void theModelsDefinitionsAreBindingAndTheMostSimilarVerifiedPairsAreShown() {
        String system = SqlPrompt.system(new GenerationRequest("How many shipped orders were there in 2025?",
                SemanticFixture.SCHEMA, 10, "duckdb").withModel(SemanticFixture.SALES), LocalDate.of(2026, 12, 4));

        assertThat(system).contains(SemanticFixture.PROMPT_LINES).doesNotContain(SemanticFixture.UNLIKE_QUESTION);
    }
}
