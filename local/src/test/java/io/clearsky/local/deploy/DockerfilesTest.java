package io.clearsky.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Dockerfiles: multi-stage, layered, non-root, with a health check, and clean under dockerfilelint
 * (npm, installed by {@code .ci/run} in {@code docker/lint}; skipped elsewhere when missing, never on CI).
 */
class DockerfilesTest {

    private static final Path DOCKER = Path.of("../docker");

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "worker", "local" })
    void imagesAreMultiStageLayeredNonRootAndHealthChecked(String name) throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve(name + ".Dockerfile"));
        List<String> stages = dockerfile.lines().filter((line) -> line.startsWith("FROM ")).toList();

        assertThat(stages).hasSize(2);
        assertThat(stages.get(1)).contains("-jre");
        assertThat(dockerfile).contains("extract --layers", "COPY --from=build /extracted/dependencies/",
                "COPY --from=build /extracted/application/", "USER 10001:10001", "HEALTHCHECK ", "MaxRAMPercentage");
    }

    @Test
    void theLinterFindsNothing() throws IOException, InterruptedException {
        Path linter = DOCKER.resolve("lint/node_modules/.bin/dockerfilelint");
        Assumptions.assumeTrue(Files.isExecutable(linter) || System.getenv("CI") != null,
                "run npm ci --prefix docker/lint first");
        List<String> command = new java.util.ArrayList<>(List.of(linter.toString(), "-o", "json"));
        for (String name : List.of("gateway", "worker", "local")) {
            command.add(DOCKER.resolve(name + ".Dockerfile").toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        JsonNode report = JsonMapper.builder().build().readTree(output);
        assertThat(report.get("totalIssues").asInt()).as(output).isZero();
        assertThat(report.get("files").size()).isEqualTo(3);
    }
}
