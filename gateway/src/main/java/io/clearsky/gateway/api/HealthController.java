package io.clearsky.gateway.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether this gateway can do its job: Kafka reachable and the state stores running.
 */
@RestController
@Tag(name = "config", description = "Service configuration and health")
public class HealthController {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    private final StreamsBuilderFactoryBean streams;

    HealthController(Admin admin, StreamsBuilderFactoryBean streams) {
        this.admin = admin;
        this.streams = streams;
    }

    @GetMapping("/api/config/health")
    @Operation(summary = "Health of Kafka and the state stores", description = "200 when healthy, 503 otherwise")
    public Mono<ResponseEntity<Map<String, Object>>> health() {
        return Mono.fromCallable(() -> {
            String kafka = kafkaStatus();
            KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
            String stores = (kafkaStreams != null) ? kafkaStreams.state().name() : "NOT_STARTED";
            boolean healthy = "UP".equals(kafka) && "RUNNING".equals(stores);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", healthy ? "healthy" : "unhealthy");
            body.put("kafka", kafka);
            body.put("stores", stores);
            return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private String kafkaStatus() {
        try {
            this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) KAFKA_TIMEOUT.toMillis()))
                    .clusterId().get();
            return "UP";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "DOWN";
        }
        catch (Exception ex) {
            return "DOWN";
        }
    }
}
