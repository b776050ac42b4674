package io.clearsky.core.chart;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * QuickChart links for Chart.js configurations: the configuration in the URL when it is short enough,
 * otherwise a short link from QuickChart's {@code POST /chart/create}. When QuickChart cannot be
 * reached, answers carry no link (the configuration is still there), and no further attempt is made
 * for a minute so that queries do not each wait for the timeout.
 */
public class QuickChartLinks {

    static final int WIDTH = 600;

    static final int HEIGHT = 360;

    private static final Duration BACKOFF = Duration.ofMinutes(1);

    private static final Logger logger = LoggerFactory.getLogger(QuickChartLinks.class);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ChartProperties properties;

    private final HttpClient http;

    private final AtomicReference<Instant> unavailableUntil = new AtomicReference<>(Instant.MIN);

    public QuickChartLinks(ChartProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.shortUrlTimeout()).build();
    }

    /** A link that renders {@code config}, or null when none can be made. */
    public String urlFor(String config) {
        String base = this.properties.quickchartUrl().toString().replaceAll("/+$", "");
        String url = base + "/chart?v=4&w=" + WIDTH + "&h=" + HEIGHT + "&bkg=white&c="
                + URLEncoder.encode(config, StandardCharsets.UTF_8);
        if (url.length() <= this.properties.maxUrlLength()) {
            return url;
        }
        if (!this.properties.shortUrls() || Instant.now().isBefore(this.unavailableUntil.get())) {
            return null;
        }
        return shortUrl(base, config);
    }

    private String shortUrl(String base, String config) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("width", WIDTH).put("height", HEIGHT)
                .put("backgroundColor", "white").put("version", "4");
        body.set("chart", MAPPER.readTree(config));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/chart/create"))
                .timeout(this.properties.shortUrlTimeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build();
        try {
            HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = (response.statusCode() == 200) ? MAPPER.readTree(response.body()) : null;
            if (answer != null && answer.path("success").asBoolean(false) && answer.hasNonNull("url")) {
                return answer.get("url").asString();
            }
            unavailable("QuickChart answered " + response.statusCode());
        }
        catch (IOException | RuntimeException ex) {
            unavailable(ex.getClass().getSimpleName());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void unavailable(String why) {
        this.unavailableUntil.set(Instant.now().plus(BACKOFF));
        logger.info("No short chart link ({}); answers carry the Chart.js configuration only for {} s", why,
                BACKOFF.toSeconds());
    }
}
