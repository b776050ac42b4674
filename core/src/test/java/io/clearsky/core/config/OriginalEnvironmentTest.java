package io.clearsky.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OriginalEnvironmentTest {

    @Test
    void theOriginalVariablesBecomeSpringProperties() {
        StandardEnvironment environment = environment(Map.of("CONFIG_BUCKET", "acme-config",
                "CHATBOT_CONFIG_KEY", "prod/chatbot.json", "AWS_REGION", "eu-west-1",
                "CORS_ORIGINS", "https://a.example,https://b.example"));

        assertThat(environment.getProperty("clearsky.config.bucket")).isEqualTo("acme-config");
        assertThat(environment.getProperty("clearsky.config.chatbot-key")).isEqualTo("prod/chatbot.json");
        assertThat(environment.getProperty("clearsky.config.vectorstore-key")).isEmpty();
        assertThat(environment.getProperty("clearsky.aws.region")).isEqualTo("eu-west-1");
        assertThat(environment.getProperty("clearsky.gateway.cors-origins")).isEqualTo("https://a.example,https://b.example");
    }

    @Test
    void pythonLogLevelNamesAreTranslated() {
        StandardEnvironment environment = environment(Map.of("LOG_LEVEL", "warning"));

        assertThat(environment.getProperty("logging.level.root")).isEqualTo("WARN");
        assertThat(environment.getProperty("logging.level.io.clearsky")).isEqualTo("WARN");
        assertThat(OriginalEnvironment.springLevel("CRITICAL")).isEqualTo("ERROR");
    }

    @Test
    void jsonLogsSwitchTheConsoleToStructuredJson() {
        assertThat(environment(Map.of("JSON_LOGS", "true")).getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
        assertThat(environment(Map.of("JSON_LOGS", "false")).getProperty("logging.structured.format.console"))
                .isNull();
    }

    @Test
    void explicitSpringPropertiesWinOverTheMappedVariables() {
        StandardEnvironment environment = environment(Map.of("CONFIG_BUCKET", "from-env",
                "clearsky.config.bucket", "explicit"));

        assertThat(environment.getProperty("clearsky.config.bucket")).isEqualTo("explicit");
    }

    @Test
    void dotenvFilesAreReadLikePythonDotenv(@TempDir Path folder) throws IOException {
        Path file = folder.resolve(".env");
        Files.writeString(file, """
                # ClearSky
                CONFIG_BUCKET=acme-config
                export AWS_REGION = us-west-2
                CORS_ORIGINS="https://a.example,https://b.example"
                LOG_LEVEL='DEBUG'
                PORT=9000 # the gateway
                not a line
                """);

        assertThat(OriginalEnvironment.readDotenv(file)).containsExactly(Map.entry("CONFIG_BUCKET", "acme-config"),
                Map.entry("AWS_REGION", "us-west-2"), Map.entry("CORS_ORIGINS", "https://a.example,https://b.example"),
                Map.entry("LOG_LEVEL", "DEBUG"), Map.entry("PORT", "9000"));
        assertThat(OriginalEnvironment.readDotenv(folder.resolve("missing"))).isEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        new OriginalEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
