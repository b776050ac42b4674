package io.clearsky.worker;

import io.clearsky.worker.config.WorkerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Runs a worker on its own, e.g. as one replica of a Kubernetes Deployment.
 */
// No component scanning: the imported configurations declare every bean.
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WorkerConfiguration.class)
public class WorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerApplication.class, args);
    }
}
