package io.clearsky.gateway.api;

import io.clearsky.core.config.ChatbotConfig;

/**
 * What a frontend needs to know of the configuration: names, switches and limits. Nothing secret: no
 * connection string, bucket or key.
 *
 * @param appName the name to show
 * @param version the configuration's version label
 * @param revision the fleet-wide configuration revision in force
 * @param features the feature switches and row limits
 * @param modelName the model that writes SQL
 * @param database the database questions are answered from
 * @param limits request limits
 * @param securityMode how callers sign in: {@code oidc}, {@code local} (no login) or {@code none}
 */
public record FrontendConfig(String appName, String version, long revision, ChatbotConfig.Features features,
        String modelName, String database, Limits limits, String securityMode) {

    /**
     * @param maxQuestionLength longest question accepted, in characters
     * @param maxSqlLength longest SQL accepted with a question, in characters
     * @param maxRows most rows a caller may ask for
     * @param defaultMaxRows rows an answer carries unless fewer are asked for
     * @param largeResultThreshold rows above which the full result is offered as a download
     * @param queryTimeoutSeconds longest a query may run in the engine
     */
    public record Limits(int maxQuestionLength, int maxSqlLength, int maxRows, int defaultMaxRows,
            int largeResultThreshold, int queryTimeoutSeconds) {
    }
}
