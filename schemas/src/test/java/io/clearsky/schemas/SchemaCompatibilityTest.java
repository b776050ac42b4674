package io.clearsky.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.schemas.avro.AnswerFeedback;
import io.clearsky.schemas.avro.AuditRecord;
import io.clearsky.schemas.avro.ConfigEvent;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryCancelRequested;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.avro.VerifiedQuestionPromoted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Fails when a contract change would break producers or consumers of an earlier version: every current
 * schema must read what each published version wrote (backward) and be readable by it (forward).
 */
class SchemaCompatibilityTest {

    private static final Map<String, Schema> CURRENT = Map.of(
            "QuestionSubmitted", QuestionSubmitted.getClassSchema(),
            "QueryEvent", QueryEvent.getClassSchema(),
            "QueryAnswer", QueryAnswer.getClassSchema(),
            "ConfigEvent", ConfigEvent.getClassSchema(),
            "QueryCancelRequested", QueryCancelRequested.getClassSchema(),
            "AuditRecord", AuditRecord.getClassSchema(),
            "AnswerFeedback", AnswerFeedback.getClassSchema(),
            "VerifiedQuestionPromoted", VerifiedQuestionPromoted.getClassSchema());

    private static final List<String> COMMON_TYPES = List.of("QueryStatus", "Principal", "Stage", "QueryError", "QueryOptions",
            "ResultColumn", "ChartSuggestion", "ExecutionStatistics", "GenerationDetails");

    @Test
    void everyContractHasAPublishedHistory() {
        assertThat(SchemaHistory.contractNames()).containsExactlyInAnyOrderElementsOf(CURRENT.keySet());
    }

    @Test
    void currentSchemasAreFullyCompatibleWithEveryPublishedVersion() {
        CURRENT.forEach((name, current) -> SchemaHistory.versions(name)
                .forEach(published -> assertFullyCompatible(name + " (published snapshot)", published, current)));
    }

    @Test
    void currentSchemasAreFullyCompatibleWithTheLastCommittedVersion() throws Exception {
        Path avroDir = Path.of("src/main/avro").toAbsolutePath();
        Assumptions.assumeTrue(git(avroDir, "rev-parse", "HEAD") != null, "not a git checkout with commits");
        Schema.Parser parser = new Schema.Parser();
        for (String type : COMMON_TYPES) {
            String committed = git(avroDir, "show", "HEAD:./common/" + type + ".avsc");
            Assumptions.assumeTrue(committed != null, "schemas not committed yet");
            parser.parse(committed);
        }
        for (Map.Entry<String, Schema> entry : CURRENT.entrySet()) {
            String committed = git(avroDir, "show", "HEAD:./" + entry.getKey() + ".avsc");
            if (committed != null) {
                assertFullyCompatible(entry.getKey() + " (HEAD)", parser.parse(committed), entry.getValue());
            }
        }
    }

    @Test
    void theCheckRejectsARequiredFieldWithoutDefault() {
        Schema published = SchemaHistory.versions("QuestionSubmitted").get(0);
        String broken = published.toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"tenant\",\"type\":\"string\"},");
        Schema changed = new Schema.Parser().parse(broken);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(changed, published).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static void assertFullyCompatible(String label, Schema earlier, Schema current) {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, earlier).getType())
                .as("%s: current schema must read records written by the earlier one", label)
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(earlier, current).getType())
                .as("%s: earlier readers must read records written by the current schema", label)
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    /** Runs git in {@code dir}; null when git is missing or the command fails (e.g. file not committed). */
    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            return null;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
