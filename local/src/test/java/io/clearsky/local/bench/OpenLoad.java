package io.clearsky.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: requests start on a fixed schedule whether or not earlier ones have answered,
 * and latency is measured from the scheduled start, so a stalled server cannot hide its queueing
 * (no coordinated omission). Bounded by count and time; loopback only.
 */
final class OpenLoad {

    private OpenLoad() {
    }

    record Result(int offered, int succeeded, int failed, double seconds, Percentiles latencyMs) {

        double throughput() {
            return this.succeeded / this.seconds;
        }
    }

    static Result run(HttpClient http, URI uri, String body, int ratePerSecond, Duration duration) throws Exception {
        int total = (int) (ratePerSecond * duration.toMillis() / 1000);
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] requests = new CompletableFuture<?>[total];
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            requests[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                if (error == null && response.statusCode() == 202) {
                    latencies.add(System.nanoTime() - scheduled);
                }
                else {
                    failed.incrementAndGet();
                }
                return null;
            });
        }
        CompletableFuture.allOf(requests).get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(total, latencies.size(), failed.get(), seconds, Percentiles.ofNanos(latencies));
    }
}
