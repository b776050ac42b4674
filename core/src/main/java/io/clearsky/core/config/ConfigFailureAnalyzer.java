package io.clearsky.core.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a configuration that cannot be loaded at start-up into one line saying which object and why,
 * instead of a stack trace.
 */
class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        return new FailureAnalysis("Cannot load the configuration: " + cause.getMessage(),
                "Check CONFIG_BUCKET, CHATBOT_CONFIG_KEY, VECTORSTORE_CONFIG_KEY and AWS_REGION, and the objects "
                        + "they name; README.md, section Configuration, lists every field and rule.",
                cause);
    }
}
