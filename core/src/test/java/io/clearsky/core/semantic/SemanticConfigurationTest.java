package io.clearsky.core.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.ConfigLoader;
import io.clearsky.core.config.ConfigLoader.ConfigObject;
import io.clearsky.core.config.ConfigLoader.ModelObject;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.config.source.EmbeddedConfigSource;
import io.clearsky.core.config.source.FileConfigSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SemanticConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void aModelThatDoesNotMatchTheCatalogStopsStartUpNamingThePathAndTheObject() throws Exception {
        Files.writeString(this.dir.resolve("shop.json"), ShopLake.modelText().replace("\"expression\": \"amount\"",
                "\"expression\": \"total\""), StandardCharsets.UTF_8);

        runner().run((context) -> assertThat(context).getFailure().rootCause().isInstanceOf(ConfigException.class)
                .hasMessage(this.dir.resolve("shop.json") + ": metrics[0].expression reads unknown column 'total' "
                        + "of table orders (metric 'revenue')"));
    }

    @Test
    void aValidModelIsInEffectAndLaterLoadsCheckItAgainstTheCatalog() throws Exception {
        Path file = this.dir.resolve("shop.json");
        Files.writeString(file, ShopLake.modelText(), StandardCharsets.UTF_8);

        runner().run((context) -> {
            assertThat(context.getBean(SemanticModels.class).inEffect("shop").model().metric("revenue")).isPresent();
            Files.writeString(file, ShopLake.modelText().replace("\"table\": \"orders\"", "\"table\": \"order\""));
            org.assertj.core.api.Assertions.assertThatExceptionOfType(ConfigException.class)
                    .isThrownBy(() -> context.getBean(ConfigLoader.class).load())
                    .withMessageContaining("entities[1].table names unknown table 'order' (entity 'order')");
        });
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SemanticConfiguration.class))
                .withBean(Catalog.class, ShopLake::catalog)
                .withBean(ConfigLoader.class, () -> new ConfigLoader(
                        new ConfigObject(new EmbeddedConfigSource(), "chatbot_config.json"),
                        new ConfigObject(new EmbeddedConfigSource(), "vector_store_config.json"),
                        List.of(new ModelObject("shop", new ConfigObject(new FileConfigSource(this.dir), "shop.json")))))
                .withUserConfiguration(Live.class);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Live {

        @org.springframework.context.annotation.Bean
        LiveConfig liveConfig(ConfigLoader loader) {
            return new LiveConfig(loader.load());
        }
    }
}
