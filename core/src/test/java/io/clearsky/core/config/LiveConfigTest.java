package io.clearsky.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveConfigTest {

    private final ClearSkyConfig first = config("first");

    private final ClearSkyConfig second = config("second");

    @Test
    void startsAtRevisionZeroWithTheConfigurationReadAtStartUp() {
        LiveConfig live = new LiveConfig(this.first);

        assertThat(live.revision().number()).isZero();
        assertThat(live.get()).isSameAs(this.first);
        assertThat(live.revision().fingerprint()).isEqualTo(this.first.fingerprint());
    }

    @Test
    void revisionsOnlyMoveForward() {
        LiveConfig live = new LiveConfig(this.first);

        assertThat(live.install(3, this.second)).isTrue();
        assertThat(live.install(2, this.first)).isFalse();
        assertThat(live.install(3, this.first)).isFalse();

        assertThat(live.revision().number()).isEqualTo(3);
        assertThat(live.get()).isSameAs(this.second);
    }

    private static ClearSkyConfig config(String name) {
        return new ClearSkyConfig(new ChatbotConfig(null, null, null, null, name, null),
                new VectorStoreConfig("memory", null, null, null, null, null));
    }
}
