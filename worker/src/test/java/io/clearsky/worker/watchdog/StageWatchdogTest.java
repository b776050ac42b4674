package io.clearsky.worker.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.clearsky.schemas.avro.Stage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StageWatchdogTest {

    private static final WatchdogProperties DEADLINES = new WatchdogProperties(Duration.ofSeconds(10),
            Duration.ofSeconds(30), null, null, null, null);

    private final MovableClock clock = new MovableClock();

    private final StageWatchdog watchdog = new StageWatchdog(DEADLINES, this.clock);

    private final List<String> expired = new CopyOnWriteArrayList<>();

    @Test
    void runSilentPastItsStageDeadlineIsExpiredNamingTheStage() {
        StageWatchdog.Watch watch = this.watchdog.watch(this::record);
        watch.progressed(Stage.RETRIEVAL);
        this.clock.advance(Duration.ofSeconds(5));
        watch.progressed(Stage.GENERATION);
        this.clock.advance(Duration.ofSeconds(29));
        this.watchdog.sweep();
        assertThat(this.expired).isEmpty();

        this.clock.advance(Duration.ofSeconds(1));
        this.watchdog.sweep();
        assertThat(this.expired).containsExactly("GENERATION after PT30S");
        assertThat(this.watchdog.watching()).isZero();
    }

    @Test
    void progressStartsTheDeadlineAgain() {
        StageWatchdog.Watch watch = this.watchdog.watch(this::record);
        for (int step = 0; step < 5; step++) {
            watch.progressed(Stage.RETRIEVAL);
            this.clock.advance(Duration.ofSeconds(9));
            this.watchdog.sweep();
        }
        assertThat(this.expired).isEmpty();
    }

    @Test
    void expiredRunIsEndedOnceHoweverOftenTheWatchdogSweeps() {
        this.watchdog.watch(this::record).progressed(Stage.RETRIEVAL);
        this.clock.advance(Duration.ofMinutes(5));
        this.watchdog.sweep();
        this.watchdog.sweep();
        assertThat(this.expired).containsExactly("RETRIEVAL after PT10S");
    }

    @Test
    void finishedRunIsNotExpired() {
        try (StageWatchdog.Watch watch = this.watchdog.watch(this::record)) {
            watch.progressed(Stage.EXECUTION);
        }
        this.clock.advance(Duration.ofHours(1));
        this.watchdog.sweep();
        assertThat(this.expired).isEmpty();
    }

    @Test
    void failingExpiryDoesNotStopLaterRunsFromBeingExpired() {
        this.watchdog.watch((stage, deadline) -> {
            throw new IllegalStateException("broker unreachable");
        }).progressed(Stage.GUARD);
        this.watchdog.watch(this::record).progressed(Stage.GUARD);
        this.clock.advance(Duration.ofMinutes(1));
        this.watchdog.sweep();
        assertThat(this.expired).containsExactly("GUARD after PT30S");
    }

    @Test
    void nonPositiveDeadlineIsRefusedNamingTheProperty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WatchdogProperties(null, Duration.ZERO, null, null, null, null))
                .withMessageContaining("clearsky.watchdog.generation");
    }

    private void record(Stage stage, Duration deadline) {
        this.expired.add(stage + " after " + deadline);
    }
}
