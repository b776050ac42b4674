package io.clearsky.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.config.ConfigProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, parsed: the services, images, health checks, start order and environment a
 * working deployment needs.
 */
class ComposeFileTest {

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parse() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("../docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void kafkaInKraftModeAndPostgresWithPgvectorAreAlwaysThere() {
        assertThat(services).containsKeys("kafka", "postgres", "lake-init", "gateway", "worker", "gateway-aws",
                "worker-aws");
        Map<String, Object> kafka = services.get("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat((String) services.get("postgres").get("image")).startsWith("pgvector/pgvector:");
        assertThat(kafka).doesNotContainKey("profiles");
        assertThat(services.get("postgres")).doesNotContainKey("profiles");
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        for (String name : List.of("kafka", "postgres", "gateway", "worker", "gateway-aws", "worker-aws")) {
            Map<String, Object> healthcheck = (Map<String, Object>) services.get(name).get("healthcheck");
            assertThat(healthcheck).as(name).containsKey("test");
        }
        assertThat(services.get("gateway").get("healthcheck").toString()).contains("8000/actuator/health/readiness");
        assertThat(services.get("worker").get("healthcheck").toString()).contains("8081/actuator/health/readiness");
    }

    @Test
    void theOfflineProfileRunsAGatewayAndTwoWorkersOnTheDemoLakeAfterKafkaIsHealthy() {
        for (String name : List.of("gateway", "worker")) {
            Map<String, Object> service = services.get(name);
            assertThat((List<String>) service.get("profiles")).containsExactly("offline");
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn.get("kafka")).containsEntry("condition", "service_healthy");
            assertThat(dependsOn.get("lake-init")).containsEntry("condition", "service_completed_successfully");
            assertThat(environment(name)).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("CLEARSKY_LAKE_DUCKDB_PATH", "/lake/demo.duckdb")
                    .containsKeys("CLEARSKY_TOPICS_PARTITIONS", "CLEARSKY_TOPICS_REPLICATION_FACTOR")
                    .doesNotContainKey("CONFIG_BUCKET");
        }
        assertThat(((Map<String, Object>) services.get("worker").get("deploy")).get("replicas")).isEqualTo(2);
        assertThat(services.get("lake-init").get("entrypoint").toString()).contains("io.clearsky.core.lake.DemoLake");
    }

    @Test
    void theAwsProfileCarriesTheOriginalServicesEnvironment() {
        for (String name : List.of("gateway-aws", "worker-aws")) {
            assertThat((List<String>) services.get(name).get("profiles")).containsExactly("aws");
            assertThat(environment(name)).containsKeys("CONFIG_BUCKET", "CHATBOT_CONFIG_KEY", "VECTORSTORE_CONFIG_KEY",
                    "AWS_REGION", "LOG_LEVEL", "JSON_LOGS", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
            assertThat((String) environment(name).get("CHATBOT_CONFIG_KEY")).contains(ConfigProperties.CHATBOT_FILE);
            assertThat((String) environment(name).get("VECTORSTORE_CONFIG_KEY")).contains(ConfigProperties.VECTOR_STORE_FILE);
        }
        assertThat(environment("gateway-aws")).containsKey("CORS_ORIGINS");
    }

    @Test
    void everyBuiltImageHasItsDockerfile() {
        services.forEach((name, service) -> {
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            if (build != null) {
                assertThat(Path.of("..", (String) build.get("dockerfile"))).as(name).isRegularFile();
            }
        });
    }

    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }
}
