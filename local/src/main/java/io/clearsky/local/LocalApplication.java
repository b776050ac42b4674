package io.clearsky.local;

import io.clearsky.gateway.GatewayConfiguration;
import io.clearsky.worker.config.WorkerConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Gateway and worker in one application context, sharing the lake, catalog and Kafka settings.
 */
// No component scanning: the imported configurations declare every bean.
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ GatewayConfiguration.class, WorkerConfiguration.class })
public class LocalApplication {
}
