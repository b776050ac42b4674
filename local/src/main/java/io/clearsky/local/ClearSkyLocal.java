package io.clearsky.local;

import io.clearsky.core.lake.DemoLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole product in one process: the demo lake (built on first start), an in-process Kafka
 * broker, the gateway and a worker. Everything lives under the data directory
 * ({@code CLEARSKY_DATA_DIR}, default {@code ./data}), so a restart keeps topics, stores and history.
 * Ports not set explicitly take their defaults when free and free ports otherwise; the chosen
 * addresses are printed and written to {@code addresses.properties} in the data directory.
 */
public final class ClearSkyLocal {

    /** The file in the data directory naming the running product's addresses. */
    public static final String ADDRESSES_FILE = "addresses.properties";

    /** The key of the broker's address in {@link #ADDRESSES_FILE}. */
    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";

    private ClearSkyLocal() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        quietBrokerLogging();
        Path dataDir = Path.of(env("CLEARSKY_DATA_DIR", "data")).toAbsolutePath();
        int kafkaPort = port("CLEARSKY_KAFKA_PORT", 19092);
        int controllerPort = (System.getenv("CLEARSKY_KAFKA_CONTROLLER_PORT") != null)
                ? port("CLEARSKY_KAFKA_CONTROLLER_PORT", 0) : FreePorts.preferredOrFree(19093);
        if (controllerPort == kafkaPort) {
            controllerPort = FreePorts.freeExcept(kafkaPort);
        }
        int httpPort = port("PORT", 8000);

        Path lake = dataDir.resolve("lake/demo.duckdb");
        if (DemoLake.createIfMissing(lake, DemoLake.DEFAULT_ORDERS)) {
            System.out.println("Built the demo lake at " + lake);
        }
        EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);

        SpringApplication application = new SpringApplication(LocalApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        // The gateway's server.port reads ${PORT:8000}; a default here answers that placeholder.
        defaults.put("PORT", String.valueOf(httpPort));
        defaults.put("spring.kafka.streams.state-dir", dataDir.resolve("streams").toString());
        defaults.put("clearsky.lake.duckdb-path", lake.toString());
        application.setDefaultProperties(defaults);
        // One hook, ours, so the application (and its Streams group membership) closes before the broker.
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context = application.run(args);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            broker.close();
        }, "clearsky-shutdown"));
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port", "8000");
        writeAddresses(dataDir, base, broker);
        printWelcome(base, broker, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void writeAddresses(Path dataDir, String base, EmbeddedBroker broker) {
        try {
            Files.writeString(dataDir.resolve(ADDRESSES_FILE), "# Written by bin/clearsky at start-up\n"
                    + "gateway=" + base + "\n" + BOOTSTRAP_SERVERS + "=" + broker.bootstrapServers() + "\n"
                    + "kafka.controller-port=" + broker.controllerPort() + "\n");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + dataDir.resolve(ADDRESSES_FILE), ex);
        }
    }

    private static void printWelcome(String base, EmbeddedBroker broker, Duration startup) {
        System.out.printf("""

                ClearSky is running (started in %.1f s).
                  Kafka          %s (controller port %d)
                  API            %s/api/chat/query
                  Swagger UI     %s/docs
                  ReDoc          %s/redoc
                  Health         %s/api/config/health
                  Tables         %s/api/schema/tables

                Try:
                  curl -s -X POST %s/api/chat/query -H 'Content-Type: application/json' -d '{"question": "How many orders are there?"}'
                  then: curl -s '%s/api/chat/updates?query_id=<query_id>&wait=10'
                Questions that work offline:
                  How many customers are there?
                  How many orders per status?
                  List 5 products
                Press Ctrl-C to stop.
                %n""", startup.toMillis() / 1000.0, broker.bootstrapServers(), broker.controllerPort(), base, base, base, base, base, base, base);
    }

    /** The broker starts before Spring configures logging; keep its start-up chatter out of the console. */
    public static void quietBrokerLogging() {
        for (String name : new String[] { "kafka", "org.apache.kafka", "state.change.logger" }) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** The port an environment variable names, else {@code preferred} when free, else a free port. */
    private static int port(String variable, int preferred) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return FreePorts.preferredOrFree(preferred);
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(variable + " must be a port number (was '" + value + "')", ex);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return (value != null && !value.isBlank()) ? value : fallback;
    }
}
