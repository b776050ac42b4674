package io.clearsky.gateway.health;

/**
 * A component this deployment does not use, listed so the report says so instead of leaving it out.
 *
 * @param name the component
 * @param reason why it is not used
 */
public record DisabledCheck(String name, String reason) implements ComponentCheck {

    @Override
    public boolean essential() {
        return false;
    }

    @Override
    public CheckResult check() {
        return CheckResult.disabled(this.reason);
    }
}
