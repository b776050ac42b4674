package io.clearsky.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.source.FileConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyRegistryTest {

    private static final String KEY = "csk_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @TempDir
    Path dir;

    @Test
    void findsAKeyByTheHashOfWhatIsPresented() throws Exception {
        Files.writeString(this.dir.resolve("keys.json"), "{\"keys\": [{\"name\": \"orders-service\", \"sha256\": \""
                + ApiKey.hash(KEY) + "\", \"groups\": [\"analysts\"]}]}");
        ApiKeyRegistry registry = new ApiKeyRegistry(new FileConfigSource(this.dir), "keys.json");
        assertThat(registry.reload()).isEqualTo(1);
        assertThat(registry.find(KEY)).hasValueSatisfying((key) -> {
            assertThat(key.name()).isEqualTo("orders-service");
            assertThat(key.groups()).containsExactly("analysts");
        });
        assertThat(registry.find(KEY + "x")).isEmpty();
    }

    @Test
    void anInvalidListIsRefusedWithoutEchoingItsValuesAndThePreviousOneStays() throws Exception {
        Path file = this.dir.resolve("keys.json");
        Files.writeString(file, "{\"keys\": [{\"name\": \"a\", \"sha256\": \"" + ApiKey.hash(KEY) + "\"}]}");
        ApiKeyRegistry registry = new ApiKeyRegistry(new FileConfigSource(this.dir), "keys.json");
        registry.reload();
        Files.writeString(file, "{\"keys\": [{\"name\": \"a\", \"sha256\": \"" + KEY + "\"}]}");
        assertThatExceptionOfType(ConfigException.class).isThrownBy(registry::reload)
                .withMessageContaining("keys[0].sha256").withMessageNotContaining(KEY);
        assertThat(registry.find(KEY)).isPresent();
    }

    @Test
    void noKeyConfiguredMeansNoApiKeys() {
        ApiKeyRegistry registry = new ApiKeyRegistry(null, null);
        assertThat(registry.configured()).isFalse();
        assertThat(registry.reload()).isZero();
        assertThat(registry.find(KEY)).isEmpty();
    }
}
