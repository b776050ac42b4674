package io.clearsky.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.worker.generation.OfflineSqlGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo lake's paraphrase set ({@code eval/sets/demo}): several wordings of each intent over the demo
 * lake, and questions the lake cannot answer. Its gold queries must run, its database must be the demo
 * lake's script, and the offline generator must keep its coverage and precision floors on it.
 */
class DemoParaphraseSetTest {

    static final Path SET = Path.of("sets", "demo");

    private static EvalReport report;

    @BeforeAll
    static void runTheSet() throws IOException {
        report = new EvalRunner(new OfflineSqlGenerator(), new EvalRunner.Progress() {
            @Override
            public void databaseStarted(String db, int questions) {
            }

            @Override
            public void questionDone(EvalItem item) {
            }
        }).run(EvalSet.load(SET), "demo", 0);
    }

    @Test
    void theSetHasSeveralWordingsPerIntentAndAFifthWithoutAnswer() throws IOException {
        List<EvalQuestion> questions = EvalSet.load(SET).questions();
        long unanswerable = questions.stream().filter((question) -> !question.answerable()).count();
        Map<String, Long> wordings = questions.stream().filter(EvalQuestion::answerable)
                .collect(Collectors.groupingBy(EvalQuestion::goldSql, Collectors.counting()));

        assertThat(questions).hasSizeGreaterThanOrEqualTo(60);
        assertThat((double) unanswerable / questions.size()).isBetween(0.15, 0.25);
        assertThat(wordings.values()).allMatch((count) -> count >= 3 && count <= 5);
    }

    @Test
    void everyGoldQueryRunsOnTheDemoLake() throws IOException, SQLException {
        try (DuckDbLake lake = DuckDbLake.load(SET.resolve("dbs/main")); Connection connection = lake.connect();
                Statement statement = connection.createStatement()) {
            for (EvalQuestion question : EvalSet.load(SET).questions()) {
                if (question.answerable()) {
                    try (ResultSet rows = statement.executeQuery(question.goldSql())) {
                        assertThat(rows.getMetaData().getColumnCount()).as(question.id()).isPositive();
                    }
                }
            }
        }
    }

    @Test
    void theSetsDatabaseIsTheDemoLakeWithFewerOrders() throws IOException {
        String demo;
        try (InputStream in = io.clearsky.core.lake.DemoLake.class.getResourceAsStream("demo-lake.sql")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String set = Files.readString(SET.resolve("dbs/main/schema.sql"));

        assertThat(withoutComments(set)).isEqualTo(withoutComments(demo.replace("${ORDERS}", "3000")));
    }

    @Test
    void theOfflineGeneratorKeepsItsFloorsOnTheSet() {
        int answerable = report.questions() - report.unanswerable().questions();
        double answeredShare = (double) report.items().stream().filter((item) -> item.answerable() && item.answered())
                .count() / answerable;

        assertThat(answeredShare).isGreaterThanOrEqualTo(FLOOR_ANSWERED);
        assertThat(report.precision()).isGreaterThanOrEqualTo(FLOOR_PRECISION);
        assertThat(report.unanswerable().declined()).isEqualTo(report.unanswerable().questions());
        assertThat(report.outcomes().get("verified")).isPositive();
    }

    static final double FLOOR_ANSWERED = 0.8;

    static final double FLOOR_PRECISION = 0.95;

    private static String withoutComments(String script) {
        return script.lines().filter((line) -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip();
    }
}
