package io.clearsky.worker.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the worker drives Athena ({@code clearsky.athena.*}); where queries run comes from
 * {@code chatbot_config.json}.
 *
 * @param pricePerTerabyteUsd the on-demand price per terabyte scanned, for the cost estimate in answers
 * @param firstPoll wait before the first completion check
 * @param maxPoll longest wait between completion checks; waits grow by half each time up to it
 */
@ConfigurationProperties("clearsky.athena")
public record AthenaProperties(Double pricePerTerabyteUsd, Duration firstPoll, Duration maxPoll) {

    public AthenaProperties {
        pricePerTerabyteUsd = (pricePerTerabyteUsd != null) ? pricePerTerabyteUsd : 5.0;
        firstPoll = (firstPoll != null) ? firstPoll : Duration.ofMillis(200);
        maxPoll = (maxPoll != null) ? maxPoll : Duration.ofSeconds(3);
    }
}
