package io.clearsky.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement of the hostile corpus ({@code guard/hostile-sql.tsv}) is rejected, for the reason the
 * corpus expects.
 */
class HostileCorpusTest {

    static final GuardProperties POLICY = new GuardProperties(null, null, null, null, List.of("secrets"),
            List.of("customers.ssn"), null);

    private final SqlGuard guard = new SqlGuard(new TestCatalog(), POLICY);

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("corpus")
    void isRejectedForTheExpectedReason(String expectedCode, String sql) {
        GuardVerdict verdict = this.guard.check(sql, "main");

        assertThat(verdict).isInstanceOf(GuardVerdict.Rejected.class);
        assertThat(((GuardVerdict.Rejected) verdict).code()).as(((GuardVerdict.Rejected) verdict).message())
                .isEqualTo(expectedCode);
    }

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream("/guard/hostile-sql.tsv")) {
            List<Arguments> cases = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter((line) -> !line.isBlank() && !line.startsWith("#"))
                    .map((line) -> line.split("\t", 2))
                    .map((fields) -> Arguments.of(fields[0], unescape((fields.length > 1) ? fields[1] : "")))
                    .toList();
            assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
            return cases.stream();
        }
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char kind = text.charAt(++i);
            switch (kind) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(kind);
            }
        }
        return out.toString();
    }
}
