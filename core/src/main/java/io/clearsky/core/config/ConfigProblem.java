package io.clearsky.core.config;

/**
 * One thing wrong with a configuration object.
 *
 * @param source where the object was read from, e.g. {@code s3://bucket/chatbot_config.json}
 * @param path the JSON path of the field, e.g. {@code bedrock.temperature}; empty for the whole object
 * @param message the rule it breaks, e.g. {@code must be between 0 and 1 (was 1.5)}
 */
public record ConfigProblem(String source, String path, String message) {

    @Override
    public String toString() {
        return this.source + ": " + (this.path.isEmpty() ? this.message : this.path + " " + this.message);
    }
}
