package io.clearsky.worker.generation.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedExamplesTest {

    private static final List<VerifiedQuery> CANDIDATES = List.of(
            new VerifiedQuery("How many customers signed up in 2023?", "SELECT 1", null),
            new VerifiedQuery("Revenue in 'DACH' for 2024", "SELECT 2", null),
            new VerifiedQuery("Top 5 products by revenue", "SELECT 3", null),
            new VerifiedQuery("Monthly revenue in APAC during 2024", "SELECT 4", null),
            new VerifiedQuery("List every employee", "SELECT 5", null));

    @Test
    void literalValuesAreMaskedInQuestionsAndCandidates() {
        assertThat(VerifiedExamples.mask("Revenue in 'DACH' for 2024-01 and 3.5 units in EMEA", Set.of("EMEA")))
                .isEqualTo("Revenue in <value> for <value> and <value> units in <value>");
    }

    @Test
    void candidatesRankByOverlapOfTheirMaskedWords() {
        List<VerifiedQuery> similar = VerifiedExamples.mostSimilar("Monthly revenue in EMEA for 2023", CANDIDATES,
                Set.of("APAC", "EMEA"), 3);

        assertThat(similar).extracting(VerifiedQuery::sql).containsExactly("SELECT 4", "SELECT 2", "SELECT 3");
    }

    @Test
    void theValuesAloneMakeNoTwoQuestionsAlike() {
        assertThat(VerifiedExamples.mostSimilar("Anything from 2024 in 'DACH'?", CANDIDATES, Set.of(), 3)).isEmpty();
    }

    @Test
    void pluralsMatchTheirSingular() {
        assertThat(VerifiedExamples.mostSimilar("customer sign-ups", CANDIDATES, Set.of(), 1))
                .extracting(VerifiedQuery::sql).containsExactly("SELECT 1");
    }
}
