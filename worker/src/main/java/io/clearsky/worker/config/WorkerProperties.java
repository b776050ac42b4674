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
 * @param sessionMemory what the worker remembers of conversations for follow-up questions
 */
@ConfigurationProperties("clearsky.worker")
public record WorkerProperties(String groupId, Integer maxInFlight, Duration queryDeadline,
        Integer maxQuestionLength, Duration shutdownGrace, Duration ledgerLookback, SessionMemory sessionMemory) {

    public WorkerProperties {
        groupId = (groupId != null) ? groupId : "clearsky-worker";
        maxInFlight = (maxInFlight != null) ? maxInFlight : 256;
        queryDeadline = (queryDeadline != null) ? queryDeadline : Duration.ofMinutes(5);
        maxQuestionLength = (maxQuestionLength != null) ? maxQuestionLength : 2_000;
        shutdownGrace = (shutdownGrace != null) ? shutdownGrace : Duration.ofSeconds(30);
        ledgerLookback = (ledgerLookback != null) ? ledgerLookback : queryDeadline.multipliedBy(2);
        sessionMemory = (sessionMemory != null) ? sessionMemory : new SessionMemory(null, null, null);
    }

    /**
     * @param turns earlier questions of a session (with their SQL) shown to the model
     * @param maxSessions sessions remembered; the least recently used are forgotten first
     * @param lookback how far back a starting worker reads the answers topic
     */
    public record SessionMemory(Integer turns, Integer maxSessions, Duration lookback) {

        public SessionMemory {
            turns = (turns != null) ? turns : 5;
            maxSessions = (maxSessions != null) ? maxSessions : 10_000;
            lookback = (lookback != null) ? lookback : Duration.ofHours(2);
        }
    }
}
