package io.clearsky.core.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gold queries of an evaluation set ({@code ../shared/eval/dev} by default, or the
 * {@code clearsky.eval.dir} system property), grouped by database.
 */
final class GoldQueries {

    static final Path EVAL_SET = Path.of(System.getProperty("clearsky.eval.dir", "../../shared/eval/dev"));

    private GoldQueries() {
    }

    static boolean present() {
        return Files.isRegularFile(EVAL_SET.resolve("questions.jsonl"));
    }

    /** Every gold and alternative gold query, by database folder name. */
    static Map<String, List<String>> byDatabase() throws IOException {
        Map<String, List<String>> sqlByDatabase = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(EVAL_SET.resolve("questions.jsonl"))) {
            JsonNode question = json.readTree(line);
            List<String> sqls = sqlByDatabase.computeIfAbsent(question.get("db").asText(), (db) -> new ArrayList<>());
            sqls.add(question.get("gold_sql").asText());
            question.get("alt_gold_sql").forEach((alternative) -> sqls.add(alternative.asText()));
        }
        return sqlByDatabase;
    }

    static Path database(String name) {
        return EVAL_SET.resolve("dbs").resolve(name);
    }
}
