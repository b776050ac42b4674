package io.clearsky.worker.watchdog;

import io.clearsky.schemas.avro.Stage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a query may go without progress in each stage before the watchdog ends it TIMED_OUT. Progress
 * is any status event the query emits (a new stage, a correction attempt, streamed model text).
 *
 * @param retrieval most time without progress while finding tables
 * @param generation most time without progress while the model writes SQL (its retries included)
 * @param guard most time checking SQL
 * @param execution most time without progress while the engine runs the query
 * @param results most time shaping rows, chart and downloads
 * @param interval how often running queries are checked
 */
@ConfigurationProperties("clearsky.watchdog")
public record WatchdogProperties(Duration retrieval, Duration generation, Duration guard, Duration execution,
        Duration results, Duration interval) {

    public WatchdogProperties {
        retrieval = positive("retrieval", retrieval, Duration.ofMinutes(1));
        generation = positive("generation", generation, Duration.ofMinutes(2));
        guard = positive("guard", guard, Duration.ofSeconds(30));
        execution = positive("execution", execution, Duration.ofMinutes(5));
        results = positive("results", results, Duration.ofMinutes(1));
        interval = positive("interval", interval, Duration.ofSeconds(1));
    }

    /** The deadline of each stage a running query can be in; stages not listed are not watched. */
    public Map<Stage, Duration> deadlines() {
        Map<Stage, Duration> deadlines = new EnumMap<>(Stage.class);
        deadlines.put(Stage.RETRIEVAL, this.retrieval);
        deadlines.put(Stage.GENERATION, this.generation);
        deadlines.put(Stage.GUARD, this.guard);
        deadlines.put(Stage.EXECUTION, this.execution);
        deadlines.put(Stage.RESULTS, this.results);
        return deadlines;
    }

    private static Duration positive(String field, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("clearsky.watchdog." + field + " must be positive (was " + value + ")");
        }
        return value;
    }
}
