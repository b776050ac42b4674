package io.clearsky.gateway.health;

import io.clearsky.core.config.ConfigLoader;
import io.clearsky.core.config.LiveConfig;

/**
 * The configuration objects are still readable where they came from, so a reload would work. The
 * revision in force keeps serving when they are not.
 */
public final class ConfigSourceCheck implements ComponentCheck {

    private final ConfigLoader loader;

    private final LiveConfig live;

    public ConfigSourceCheck(ConfigLoader loader, LiveConfig live) {
        this.loader = loader;
        this.live = live;
    }

    @Override
    public String name() {
        return "config_source";
    }

    @Override
    public boolean essential() {
        return false;
    }

    @Override
    public CheckResult check() {
        this.loader.probe();
        return CheckResult.up(this.loader.chatbotObject().location() + " and "
                + this.loader.vectorStoreObject().location() + "; revision " + this.live.revision().number()
                + " in force");
    }
}
