package io.clearsky.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An evaluation set on disk: {@code questions.jsonl} and one folder of DuckDB scripts per database
 * under {@code dbs/}.
 *
 * @param directory the set's folder
 * @param questions its questions in file order
 */
public record EvalSet(Path directory, List<EvalQuestion> questions) {

    public EvalSet {
        questions = List.copyOf(questions);
    }

    /** Reads the set in {@code directory}; fails naming the file and line when one is unreadable. */
    public static EvalSet load(Path directory) throws IOException {
        Path file = directory.resolve("questions.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IOException("No evaluation set at " + directory + ": " + file + " does not exist");
        }
        JsonMapper json = JsonMapper.builder().build();
        List<EvalQuestion> questions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(lines.get(i));
                List<String> alternatives = new ArrayList<>();
                node.path("alt_gold_sql").forEach((sql) -> alternatives.add(sql.asString()));
                questions.add(new EvalQuestion(text(node, "id"), text(node, "db"), text(node, "source"),
                        text(node, "question"), text(node, "instructions"), text(node, "gold_sql"), alternatives,
                        node.path("order_matters").asBoolean(false), text(node, "hardness"), text(node, "category")));
            }
            catch (RuntimeException ex) {
                throw new IOException(file + " line " + (i + 1) + " is not a question: " + ex.getMessage(), ex);
            }
        }
        return new EvalSet(directory, questions);
    }

    /** The questions of {@code databases} only; all of them when {@code databases} is empty. */
    public EvalSet only(Set<String> databases) {
        return databases.isEmpty() ? this
                : new EvalSet(this.directory, this.questions.stream().filter((q) -> databases.contains(q.db())).toList());
    }

    /** The folder of {@code db}'s scripts. */
    public Path database(String db) {
        return this.directory.resolve("dbs").resolve(db);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return (value == null || value.isNull()) ? null : value.asString();
    }
}
