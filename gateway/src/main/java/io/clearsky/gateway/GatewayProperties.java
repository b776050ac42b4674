package io.clearsky.gateway;

import java.time.Duration;
import java.util.List;
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
 * @param corsOrigins origins browsers may call the API from ({@code CORS_ORIGINS}, comma-separated);
 * {@code *} allows any origin, without credentials
 */
@ConfigurationProperties("clearsky.gateway")
public record GatewayProperties(Integer maxQuestionLength, Integer maxRows, Duration maxWait, Duration streamTimeout,
        Duration heartbeat, String advertisedHost, List<String> corsOrigins) {

    public GatewayProperties {
        maxQuestionLength = (maxQuestionLength != null) ? maxQuestionLength : 2_000;
        maxRows = (maxRows != null) ? maxRows : 10_000;
        maxWait = (maxWait != null) ? maxWait : Duration.ofSeconds(60);
        streamTimeout = (streamTimeout != null) ? streamTimeout : Duration.ofMinutes(15);
        heartbeat = (heartbeat != null) ? heartbeat : Duration.ofSeconds(15);
        advertisedHost = (advertisedHost != null) ? advertisedHost : "localhost";
        corsOrigins = (corsOrigins != null) ? corsOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList()
                : List.of("*");
    }
}
