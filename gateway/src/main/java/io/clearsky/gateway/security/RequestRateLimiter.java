package io.clearsky.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller: {@code burst} requests at once, refilled at {@code requestsPerMinute}.
 * Buckets live in this instance's memory only; a bucket that has filled up again is dropped when many
 * are kept, which forgets nothing.
 */
final class RequestRateLimiter {

    private static final int SWEEP_ABOVE = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final LongSupplier nanoTime;

    RequestRateLimiter() {
        this(System::nanoTime);
    }

    RequestRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    private record Bucket(double tokens, long at) {
    }

    /**
     * Takes one request from {@code key}'s bucket.
     *
     * @return 0 when the request may go ahead, else the whole seconds until it may
     */
    long acquire(String key, SecurityProperties.Limit limit) {
        if (limit.requestsPerMinute() == 0) {
            return 0;
        }
        double capacity = Math.max(1, limit.burst());
        double perNano = limit.requestsPerMinute() / 60e9;
        long now = this.nanoTime.getAsLong();
        double[] wait = { 0 };
        this.buckets.compute(key, (k, bucket) -> {
            double tokens = (bucket == null) ? capacity : Math.min(capacity, bucket.tokens() + (now - bucket.at()) * perNano);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = (1 - tokens) / perNano;
            return new Bucket(tokens, now);
        });
        if (this.buckets.size() > SWEEP_ABOVE) {
            sweep(capacity, perNano, now);
        }
        return (wait[0] == 0) ? 0 : Math.max(1, (long) Math.ceil(wait[0] / 1e9));
    }

    private void sweep(double capacity, double perNano, long now) {
        this.buckets.entrySet().removeIf((entry) -> entry.getValue().tokens() + (now - entry.getValue().at()) * perNano >= capacity);
    }
}
