package io.clearsky.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthReporterTest {

    @Test
    void allUpIsUp() {
        HealthReport report = report(check("kafka", true, CheckResult.up("ok")), check("s3", false,
                CheckResult.disabled("not used")));

        assertThat(report.status()).isEqualTo("UP");
        assertThat(report.components()).containsOnlyKeys("kafka", "s3");
        assertThat(report.components().get("s3").status()).isEqualTo("DISABLED");
    }

    @Test
    void aNonEssentialComponentDownDegradesTheService() {
        HealthReport report = report(check("kafka", true, CheckResult.up("ok")),
                check("vector_store", false, CheckResult.down("unreachable")));

        assertThat(report.status()).isEqualTo("DEGRADED");
        assertThat(report.down()).isFalse();
    }

    @Test
    void anEssentialComponentDownTakesTheServiceDown() {
        HealthReport report = report(check("kafka", true, CheckResult.down("no brokers")),
                check("vector_store", false, CheckResult.up("ok")));

        assertThat(report.status()).isEqualTo("DOWN");
        assertThat(report.down()).isTrue();
    }

    @Test
    void aFailingCheckIsDownWithItsMessageRedacted() {
        ComponentCheck failing = check("vector_store", false, () -> {
            throw new IllegalStateException("cannot connect to postgresql://app:hunter2@db:5432/kb\nmore");
        });

        HealthReport.Component component = report(failing).components().get("vector_store");

        assertThat(component.status()).isEqualTo("DOWN");
        assertThat(component.message()).isEqualTo("cannot connect to postgresql://app:****@db:5432/kb");
    }

    @Test
    void aCheckThatDoesNotAnswerInTimeIsDown() {
        ComponentCheck slow = check("bedrock", false, () -> {
            Thread.sleep(5_000);
            return CheckResult.up("late");
        });
        try (HealthReporter reporter = new HealthReporter(List.of(slow), Duration.ZERO, Duration.ofMillis(50))) {
            assertThat(reporter.report().components().get("bedrock").message()).isEqualTo("no answer within 50 ms");
        }
    }

    @Test
    void resultsAreReusedWithinTheCachePeriod() {
        AtomicInteger calls = new AtomicInteger();
        ComponentCheck counted = check("kafka", true, () -> CheckResult.up("call " + calls.incrementAndGet()));
        try (HealthReporter reporter = new HealthReporter(List.of(counted), Duration.ofMinutes(1), Duration.ofSeconds(5))) {
            reporter.report();
            reporter.report();
            assertThat(reporter.report().components().get("kafka").message()).isEqualTo("call 1");
        }
        try (HealthReporter uncached = new HealthReporter(List.of(counted), Duration.ZERO, Duration.ofSeconds(5))) {
            uncached.report();
            assertThat(uncached.report().components().get("kafka").message()).isEqualTo("call 3");
        }
    }

    private static HealthReport report(ComponentCheck... checks) {
        try (HealthReporter reporter = new HealthReporter(List.of(checks), Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            return reporter.report();
        }
    }

    private static ComponentCheck check(String name, boolean essential, CheckResult result) {
        return check(name, essential, () -> result);
    }

    private static ComponentCheck check(String name, boolean essential, Callable<CheckResult> body) {
        return new ComponentCheck() {
            public String name() {
                return name;
            }

            public boolean essential() {
                return essential;
            }

            public CheckResult check() throws Exception {
                return body.call();
            }
        };
    }
}
