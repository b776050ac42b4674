package io.clearsky.local;

import io.clearsky.gateway.GatewayConfiguration;
import io.clearsky.worker.config.WorkerConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Gateway and worker in one application context, sharing the lake, catalog and Kafka settings.
 */
@SpringBootApplication(scanBasePackages = "io.clearsky.local.none")
@Import({ GatewayConfiguration.class, WorkerConfiguration.class })
public class LocalApplication {
}
