package io.clearsky.worker;

import io.clearsky.worker.config.WorkerConfiguration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Runs a worker on its own, e.g. as one replica of a Kubernetes Deployment. It serves only actuator
 * (health probes and metrics) over HTTP, on {@code WORKER_HTTP_PORT} (8081).
 */
// No component scanning: the imported configurations declare every bean.
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WorkerConfiguration.class)
public class WorkerApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WorkerApplication.class);
        // Only actuator is served: liveness and readiness probes, metrics. Defaults, so the environment wins.
        application.setDefaultProperties(Map.of(
                "server.port", "${WORKER_HTTP_PORT:8081}",
                "management.endpoints.web.exposure.include", "health,info,metrics",
                "management.endpoint.health.probes.enabled", "true"));
        application.run(args);
    }
}
