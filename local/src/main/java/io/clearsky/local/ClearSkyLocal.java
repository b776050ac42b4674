package io.clearsky.local;

import io.clearsky.core.lake.DemoLake;
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
 */
public final class ClearSkyLocal {

    private ClearSkyLocal() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        quietBrokerLogging();
        Path dataDir = Path.of(env("CLEARSKY_DATA_DIR", "data")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(env("CLEARSKY_KAFKA_PORT", "19092"));

        Path lake = dataDir.resolve("lake/demo.duckdb");
        if (DemoLake.createIfMissing(lake, DemoLake.DEFAULT_ORDERS)) {
            System.out.println("Built the demo lake at " + lake);
        }
        EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("kafka"), kafkaPort);

        SpringApplication application = new SpringApplication(LocalApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
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
        printWelcome(context, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void printWelcome(ConfigurableApplicationContext context, Duration startup) {
        String port = context.getEnvironment().getProperty("local.server.port", "8000");
        String base = "http://localhost:" + port;
        System.out.printf("""

                ClearSky is running (started in %.1f s).
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
                %n""", startup.toMillis() / 1000.0, base, base, base, base, base, base, base);
    }

    /** The broker starts before Spring configures logging; keep its start-up chatter out of the console. */
    private static void quietBrokerLogging() {
        for (String name : new String[] { "kafka", "org.apache.kafka", "state.change.logger" }) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return (value != null && !value.isBlank()) ? value : fallback;
    }
}
