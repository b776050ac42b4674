package io.clearsky.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway settings.
 *
 * @param maxQuestionLength longest question accepted, in characters; longer ones get 413
 * @param maxRows most rows a caller may ask for in {@code options.max_rows}
 * @param maxWait longest long-poll a caller may ask for with {@code wait}
 * @param streamTimeout longest an SSE stream stays open
 * @param heartbeat interval of SSE keep-alive comments
 * @param advertisedHost host name other gateway instances use to reach this one
 */
@ConfigurationProperties("clearsky.gateway")
public record GatewayProperties(Integer maxQuestionLength, Integer maxRows, Duration maxWait, Duration streamTimeout,
        Duration heartbeat, String advertisedHost) {

    public GatewayProperties {
        maxQuestionLength = (maxQuestionLength != null) ? maxQuestionLength : 2_000;
        maxRows = (maxRows != null) ? maxRows : 10_000;
        maxWait = (maxWait != null) ? maxWait : Duration.ofSeconds(60);
        streamTimeout = (streamTimeout != null) ? streamTimeout : Duration.ofMinutes(15);
        heartbeat = (heartbeat != null) ? heartbeat : Duration.ofSeconds(15);
        advertisedHost = (advertisedHost != null) ? advertisedHost : "localhost";
    }
}
