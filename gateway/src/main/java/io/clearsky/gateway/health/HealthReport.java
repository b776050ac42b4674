package io.clearsky.gateway.health;

import java.time.Instant;
import java.util.Map;

/**
 * The health of the service and of each component.
 *
 * @param status {@code UP}; {@code DEGRADED} when a non-essential component is down; {@code DOWN} when
 * an essential one is
 * @param components each component's health, by name
 * @param checkedAt when the oldest of the component results was taken
 */
public record HealthReport(String status, Map<String, Component> components, Instant checkedAt) {

    public static final String DEGRADED = "DEGRADED";

    /**
     * @param status UP, DOWN or DISABLED
     * @param essential whether the service is DOWN when this is
     * @param latencyMs how long the check took
     * @param message detail, free of credentials
     */
    public record Component(String status, boolean essential, long latencyMs, String message) {
    }

    public boolean down() {
        return CheckResult.DOWN.equals(this.status);
    }
}
