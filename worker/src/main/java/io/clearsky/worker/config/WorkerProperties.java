package io.clearsky.worker.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Worker settings.
 *
 * @param groupId consumer group shared by all worker instances
 * @param maxInFlight questions one instance works on at once; more are not fetched until some finish
 * @param queryDeadline time a query may take in total before it ends TIMED_OUT
 * @param maxQuestionLength longest question accepted, in characters
 * @param shutdownGrace time given to in-flight queries to finish when partitions are revoked or the
 * worker stops
 * @param ledgerLookback how far back the worker reads status events, when it is given partitions, to
 * learn which queries already ran; must exceed the query deadline
 */
@ConfigurationProperties("clearsky.worker")
public record WorkerProperties(String groupId, Integer maxInFlight, Duration queryDeadline,
        Integer maxQuestionLength, Duration shutdownGrace, Duration ledgerLookback) {

    public WorkerProperties {
        groupId = (groupId != null) ? groupId : "clearsky-worker";
        maxInFlight = (maxInFlight != null) ? maxInFlight : 256;
        queryDeadline = (queryDeadline != null) ? queryDeadline : Duration.ofMinutes(5);
        maxQuestionLength = (maxQuestionLength != null) ? maxQuestionLength : 2_000;
        shutdownGrace = (shutdownGrace != null) ? shutdownGrace : Duration.ofSeconds(30);
        ledgerLookback = (ledgerLookback != null) ? ledgerLookback : queryDeadline.multipliedBy(2);
    }
}
