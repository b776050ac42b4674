package io.clearsky.gateway.health;

import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.config.LiveConfig;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;
import software.amazon.awssdk.services.athena.model.WorkGroupState;

/**
 * The configured workgroup exists, is enabled, and this role may see it ({@code GetWorkGroup}).
 */
public final class AthenaCheck implements ComponentCheck {

    private final AthenaAsyncClient athena;

    private final LiveConfig live;

    public AthenaCheck(AthenaAsyncClient athena, LiveConfig live) {
        this.athena = athena;
        this.live = live;
    }

    @Override
    public String name() {
        return "athena";
    }

    @Override
    public boolean essential() {
        return false;
    }

    @Override
    public CheckResult check() {
        ChatbotConfig.Athena settings = this.live.get().chatbot().athena();
        WorkGroupState state = this.athena.getWorkGroup((request) -> request.workGroup(settings.workgroup())).join()
                .workGroup().state();
        if (state != WorkGroupState.ENABLED) {
            return CheckResult.down("workgroup " + settings.workgroup() + " is " + state);
        }
        return CheckResult.up("workgroup " + settings.workgroup() + " enabled; database " + settings.database());
    }
}
