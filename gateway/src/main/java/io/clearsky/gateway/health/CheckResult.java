package io.clearsky.gateway.health;

/**
 * What a check found.
 *
 * @param status {@link #UP}, {@link #DOWN} or {@link #DISABLED} (not used in this deployment)
 * @param message a short human-readable detail, free of credentials
 */
public record CheckResult(String status, String message) {

    public static final String UP = "UP";

    public static final String DOWN = "DOWN";

    public static final String DISABLED = "DISABLED";

    public static CheckResult up(String message) {
        return new CheckResult(UP, message);
    }

    public static CheckResult down(String message) {
        return new CheckResult(DOWN, message);
    }

    public static CheckResult disabled(String message) {
        return new CheckResult(DISABLED, message);
    }
}
