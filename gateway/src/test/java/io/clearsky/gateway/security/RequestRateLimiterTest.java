package io.clearsky.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    private final RequestRateLimiter limiter = new RequestRateLimiter(this.now::get);

    private final SecurityProperties.Limit limit = new SecurityProperties.Limit(60, 3, null);

    @Test
    void aBurstPassesThenTheNextRequestWaitsForARefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(this.limiter.acquire("user:alice", this.limit)).isZero();
        }
        assertThat(this.limiter.acquire("user:alice", this.limit)).isEqualTo(1);
        this.now.addAndGet(1_000_000_000L);
        assertThat(this.limiter.acquire("user:alice", this.limit)).isZero();
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            this.limiter.acquire("user:alice", this.limit);
        }
        assertThat(this.limiter.acquire("user:bob", this.limit)).isZero();
        assertThat(this.limiter.acquire("key:alice", this.limit)).isZero();
    }

    @Test
    void zeroRequestsPerMinuteSwitchesTheLimitOff() {
        SecurityProperties.Limit off = new SecurityProperties.Limit(0, 0, null);
        for (int i = 0; i < 1_000; i++) {
            assertThat(this.limiter.acquire("user:alice", off)).isZero();
        }
    }
}
