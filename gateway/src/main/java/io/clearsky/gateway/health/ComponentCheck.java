package io.clearsky.gateway.health;

/**
 * One dependency whose health the gateway reports. Checks must be cheap: they run at most once per
 * cache period however often health is asked for.
 */
public interface ComponentCheck {

    /** The component's name in the report, e.g. {@code kafka}. */
    String name();

    /** Whether the product cannot work without it: when it is down, the whole service is DOWN. */
    boolean essential();

    /** Checks now; a thrown exception counts as DOWN with its (redacted) message. */
    CheckResult check() throws Exception;
}
