package io.clearsky.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The original service's environment contract on top of Spring's: a {@code .env} file in the working
 * directory (real environment variables win over it), and its variables mapped to Spring properties
 * that any other property source may still override.
 * <p>
 * {@code LOG_LEVEL} accepts Python's names too (WARNING, CRITICAL); {@code JSON_LOGS=true} switches the
 * console to structured JSON, one object per line, carrying the query and session ids of the work
 * being logged.
 */
class OriginalEnvironment implements EnvironmentPostProcessor {

    static final String DOTENV = "dotenv";

    static final String MAPPED = "clearskyOriginalEnvironment";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> dotenv = readDotenv(Path.of(".env"));
        if (!dotenv.isEmpty()) {
            String after = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
            if (environment.getPropertySources().contains(after)) {
                environment.getPropertySources().addAfter(after, new MapPropertySource(DOTENV, dotenv));
            }
            else {
                environment.getPropertySources().addLast(new MapPropertySource(DOTENV, dotenv));
            }
        }
        Map<String, Object> mapped = new LinkedHashMap<>();
        mapped.put("clearsky.config.bucket", "${CONFIG_BUCKET:}");
        mapped.put("clearsky.config.chatbot-key", "${CHATBOT_CONFIG_KEY:}");
        mapped.put("clearsky.config.vectorstore-key", "${VECTORSTORE_CONFIG_KEY:}");
        mapped.put("clearsky.aws.region", "${AWS_REGION:${AWS_DEFAULT_REGION:}}");
        mapped.put("clearsky.gateway.cors-origins", "${CORS_ORIGINS:*}");
        String level = environment.getProperty("LOG_LEVEL");
        if (level != null && !level.isBlank()) {
            mapped.put("logging.level.root", springLevel(level));
            mapped.put("logging.level.io.clearsky", springLevel(level));
        }
        if ("true".equalsIgnoreCase(environment.getProperty("JSON_LOGS", "").strip())) {
            mapped.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource(MAPPED, mapped));
    }

    /** Python logging level names as Spring's. */
    static String springLevel(String level) {
        return switch (level.strip().toUpperCase(Locale.ROOT)) {
            case "WARNING" -> "WARN";
            case "CRITICAL", "FATAL" -> "ERROR";
            case "NOTSET" -> "INFO";
            default -> level.strip().toUpperCase(Locale.ROOT);
        };
    }

    /**
     * {@code KEY=value} lines as python-dotenv reads them: comments, blank lines, an {@code export}
     * prefix and matching quotes around the value are allowed.
     */
    static Map<String, Object> readDotenv(Path file) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("export ")) {
                    entry = entry.substring("export ".length()).strip();
                }
                int equals = entry.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                values.put(entry.substring(0, equals).strip(), unquote(entry.substring(equals + 1).strip()));
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return (comment >= 0) ? value.substring(0, comment).strip() : value;
    }
}
