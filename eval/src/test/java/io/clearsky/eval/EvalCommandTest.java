package io.clearsky.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvalCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aReaderOtherThanModelLegacyOrBothIsAUsageError() throws Exception {
        assertThat(run("--set", "any", "--reader", "llm")).isEqualTo(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--reader must be model, legacy or both, not 'llm'");
    }

    @Test
    void theReaderIsAnOptionOfTheOfflineGeneratorOnly() throws Exception {
        assertThat(run("--set", "any", "--generator", "bedrock", "--reader", "model")).isEqualTo(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--reader is an option of the offline generator");
    }

    private int run(String... args) throws Exception {
        return EvalCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8));
    }
}
