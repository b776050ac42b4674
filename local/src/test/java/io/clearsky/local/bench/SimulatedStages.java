package io.clearsky.local.bench;

import io.clearsky.schemas.avro.ExecutionStatistics;
import io.clearsky.schemas.avro.ResultColumn;
import io.clearsky.worker.execution.EngineQuery;
import io.clearsky.worker.execution.EngineResult;
import io.clearsky.worker.execution.QueryEngine;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.SqlGenerator;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The model and the engine replaced by stages that only wait, for a latency the benchmark sets; every
 * other stage (retrieval, guard, charts, events) is the product's own. Also a bare endpoint that does
 * no Kafka work, to compare intake against.
 */
@Configuration(proxyBeanMethods = false)
public class SimulatedStages {

    /** How long the simulated model and engine take; the benchmark changes them between scenarios. */
    public static final AtomicReference<Duration> GENERATION = new AtomicReference<>(Duration.ofMillis(50));

    public static final AtomicReference<Duration> EXECUTION = new AtomicReference<>(Duration.ofMillis(20));

    /** Questions inside the simulated model right now, and the most seen at once. */
    public static final AtomicInteger GENERATING = new AtomicInteger();

    public static final AtomicInteger MOST_GENERATING = new AtomicInteger();

    /** Queries the simulated engine has run since start. */
    public static final AtomicLong EXECUTED = new AtomicLong();

    @Bean
    SqlGenerator simulatedModel() {
        return new SqlGenerator() {
            @Override
            public String name() {
                return "simulated";
            }

            @Override
            public Generation generate(io.clearsky.worker.generation.GenerationRequest request) {
                int now = GENERATING.incrementAndGet();
                MOST_GENERATING.accumulateAndGet(now, Math::max);
                try {
                    pause(GENERATION.get());
                    return new Generation.Sql("SELECT count(*) AS orders FROM orders", "simulated");
                }
                finally {
                    GENERATING.decrementAndGet();
                }
            }
        };
    }

    @Bean
    QueryEngine simulatedEngine() {
        return new QueryEngine() {

            @Override
            public String name() {
                return "simulated";
            }

            @Override
            public EngineResult execute(EngineQuery query, Consumer<Runnable> onCancellable) {
                pause(EXECUTION.get());
                EXECUTED.incrementAndGet();
                return new EngineResult(List.of(ResultColumn.newBuilder().setName("orders").setType("integer").build()),
                        List.of(List.of(42L)), 1, false, ExecutionStatistics.newBuilder().setEngine(name()).build(), null);
            }
        };
    }

    /**
     * Accepts a question like the real intake does, without Kafka: the yardstick for intake overhead.
     * Registered as a member of this configuration.
     */
    @RestController
    public static class BareEndpoint {

        @PostMapping("/bench/bare")
        public Mono<ResponseEntity<Map<String, Object>>> accept(@RequestBody Map<String, Object> body) {
            return Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(Map.of("query_id", java.util.UUID.randomUUID().toString(), "status", "QUEUED")));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
