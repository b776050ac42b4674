package io.clearsky.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Links against a loopback server answering QuickChart's {@code POST /chart/create} as QuickChart does.
 */
class QuickChartLinksTest {

    private static final String SHORT = "https://quickchart.example/chart/render/zf-1a2b3c";

    private final List<JsonNode> created = new ArrayList<>();

    private HttpServer server;

    private int status = 200;

    @BeforeEach
    void start() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/chart/create", (exchange) -> {
            this.created.add(JsonMapper.builder().build().readTree(exchange.getRequestBody().readAllBytes()));
            byte[] body = ("{\"success\": true, \"url\": \"" + SHORT + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(this.status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        this.server.start();
    }

    @AfterEach
    void stop() {
        this.server.stop(0);
    }

    @Test
    void shortConfigurationsAreLinkedDirectly() {
        String url = links(10_000).urlFor("{\"type\":\"bar\"}");

        assertThat(url).isEqualTo(base() + "/chart?v=4&w=600&h=360&bkg=white&c=%7B%22type%22%3A%22bar%22%7D");
        assertThat(this.created).isEmpty();
    }

    @Test
    void longConfigurationsGetAShortLinkFromQuickChart() {
        String url = links(20).urlFor("{\"type\":\"bar\",\"data\":{\"labels\":[\"a\"]}}");

        assertThat(url).isEqualTo(SHORT);
        assertThat(this.created).hasSize(1);
        JsonNode request = this.created.get(0);
        assertThat(request.at("/chart/type").asString()).isEqualTo("bar");
        assertThat(request.get("version").asString()).isEqualTo("4");
        assertThat(request.get("width").asInt()).isEqualTo(600);
    }

    @Test
    void whenQuickChartFailsAnswersHaveNoLinkAndItIsNotAskedAgainAtOnce() {
        this.status = 500;
        QuickChartLinks links = links(20);

        assertThat(links.urlFor("{\"type\":\"bar\",\"data\":{}}")).isNull();
        assertThat(links.urlFor("{\"type\":\"line\",\"data\":{}}")).isNull();
        assertThat(this.created).hasSize(1);
    }

    private QuickChartLinks links(int maxUrlLength) {
        return new QuickChartLinks(new ChartProperties(URI.create(base() + "/"), maxUrlLength, true,
                Duration.ofSeconds(2), null, null));
    }

    private String base() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }
}
