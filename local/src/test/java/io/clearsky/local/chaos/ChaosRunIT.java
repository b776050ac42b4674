package io.clearsky.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A small chaos run in separate processes: a broker, two gateways and two workers; a worker killed with
 * SIGKILL and started again, the broker and a gateway restarted, poison records among the questions.
 */
class ChaosRunIT {

    @Test
    void everyQuestionEndsExactlyOnceThroughKillsAndRestarts() throws Exception {
        Path work = Files.createTempDirectory("clearsky-chaos-it");
        ChaosChecks.Result result = ChaosCommand.run(300, 60, Path.of("target/chaos-it/report.json"), work);
        JsonNode report = result.report();

        assertThat(report.at("/counts/asked").asInt()).isEqualTo(300);
        assertThat(report.at("/faults")).extracting((fault) -> fault.at("/kind").asString())
                .containsExactly("worker-kill-9", "poison-records", "broker-restart", "gateway-restart");
        assertThat(report.at("/lost/count").asLong()).isZero();
        assertThat(report.at("/stuck/count").asLong()).isZero();
        assertThat(report.at("/duplicate_terminal_events/count").asLong()).isZero();
        assertThat(report.at("/duplicate_answers/count").asLong()).isZero();
        assertThat(report.at("/answers_differing_from_fault_free_run/count").asLong()).isZero();
        assertThat(report.at("/gateway_views_disagreeing/count").asLong()).isZero();
        assertThat(report.at("/poison/published").asInt()).isEqualTo(9);
        assertThat(report.at("/poison/in_dlq_with_reason").asInt()).isEqualTo(9);
        assertThat(result.passed()).isTrue();
    }
}
