package io.clearsky.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.SqlGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness over a small set written here: scoring, abstention, guard rejection, the report's
 * fields, and that the generator never sees gold SQL.
 */
class EvalRunnerTest {

    @TempDir
    Path set;

    @Test
    void scoresAnswersCountsAbstentionsAndNeverShowsGoldToTheGenerator() throws IOException {
        writeSet();
        List<String> seen = new ArrayList<>();
        SqlGenerator scripted = new SqlGenerator() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public Generation generate(io.clearsky.worker.generation.GenerationRequest request) {
                seen.add(request.question());
                if (request.question().startsWith("How many pets")) {
                    return new Generation.Sql("SELECT count(*) FROM pets", "count");
                }
                if (request.question().startsWith("Oldest pet")) {
                    return new Generation.Sql("SELECT name FROM pets ORDER BY age LIMIT 1", "wrong way round");
                }
                if (request.question().startsWith("Drop")) {
                    return new Generation.Sql("DROP TABLE pets", "hostile");
                }
                return new Generation.CannotAnswer("not sure");
            }
        };

        EvalReport report = new EvalRunner(scripted, new EvalRunner.Progress() {
            @Override
            public void databaseStarted(String db, int questions) {
            }

            @Override
            public void questionDone(EvalItem item) {
            }
        }).run(EvalSet.load(this.set), "tiny", 0);

        assertThat(report.questions()).isEqualTo(4);
        assertThat(report.answered()).isEqualTo(2);
        assertThat(report.correct()).isEqualTo(1);
        assertThat(report.coverage()).isEqualTo(0.5);
        assertThat(report.precision()).isEqualTo(0.5);
        assertThat(report.executionAccuracy()).isEqualTo(0.25);
        assertThat(report.retrievalRecallAt5()).isEqualTo(1.0);
        assertThat(report.items()).extracting(EvalItem::error).containsExactly(null, "wrong result",
                "abstained: not sure", "rejected DDL: Only read-only queries may run; DROP changes the schema");
        assertThat(report.bySource().get("test").answered()).isEqualTo(2);
        assertThat(report.byDatabase().get("pets_db").questions()).isEqualTo(4);
        assertThat(report.byKind().get("test-easy").correct()).isEqualTo(1);
        assertThat(report.byAnswer().get("composed").answered()).isEqualTo(2);
        assertThat(report.byAnswer().get("verified").answered()).isZero();
        assertThat(seen).noneMatch((question) -> question.contains("SELECT"));
        assertThat(seen).contains("Oldest pet?\nUse the age column.");
    }

    @Test
    void theCommandWritesAReportWithTheDocumentedFields() throws IOException {
        writeSet();
        Path reportFile = this.set.resolve("out/report.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = EvalCommand.run(new String[] { "--set", this.set.toString(), "--generator", "offline", "--report",
                reportFile.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(reportFile.toFile());
        assertThat(report.propertyNames()).containsExactly("set", "generator", "questions", "answered", "correct",
                "coverage", "precision", "execution_accuracy", "retrieval_recall_at_5", "latency_ms", "outcomes",
                "unanswerable", "by_source", "by_hardness", "by_category", "by_kind", "by_database", "by_answer", "items");
        assertThat(report.get("generator").asString()).isEqualTo("offline");
        assertThat(report.get("items").get(0).has("tables_retrieved")).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("precision").contains("pets_db");
    }

    @Test
    void unknownOptionsGeneratorsAndSetsAreRefusedWithAReason() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(EvalCommand.run(new String[] { "--bogus" }, System.out, errors)).isEqualTo(2);
        assertThat(EvalCommand.run(new String[] { "--set", "x", "--generator", "gpt5" }, System.out, errors)).isEqualTo(2);
        assertThat(EvalCommand.run(new String[] { "--set", "no/such/set" }, System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:")
                .contains("generator must be offline, bedrock or openai, not 'gpt5'")
                .contains("No evaluation set at no/such/set");
    }

    private void writeSet() throws IOException {
        Path db = Files.createDirectories(this.set.resolve("dbs/pets_db"));
        Files.writeString(db.resolve("schema.sql"), "CREATE TABLE pets (id BIGINT, name VARCHAR, age BIGINT);");
        Files.writeString(db.resolve("load.sql"), "INSERT INTO pets VALUES (1, 'Rex', 9), (2, 'Tom', 3), (3, 'Kit', 1);");
        Files.writeString(this.set.resolve("questions.jsonl"), String.join("\n",
                question("pets_db/001", "How many pets are there?", "", "SELECT count(*) FROM pets"),
                question("pets_db/002", "Oldest pet?", "Use the age column.", "SELECT name FROM pets ORDER BY age DESC LIMIT 1"),
                question("pets_db/003", "Which pets have names?", "", "SELECT name FROM pets"),
                question("pets_db/004", "Drop the pets", "", "SELECT 1")) + "\n");
    }

    private static String question(String id, String text, String instructions, String gold) {
        return "{\"id\": \"" + id + "\", \"db\": \"pets_db\", \"source\": \"test\", \"question\": \"" + text
                + "\", \"instructions\": \"" + instructions + "\", \"gold_sql\": \"" + gold
                + "\", \"alt_gold_sql\": [], \"order_matters\": false, \"hardness\": \"easy\"}";
    }
}
