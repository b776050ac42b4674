package io.clearsky.core.config;

/**
 * {@code chatbot_config.json}: the original service's application configuration, field for field.
 * Missing sections and fields take the defaults of the original documentation's example.
 *
 * @param bedrock the model that writes SQL
 * @param athena where queries run
 * @param s3 where large results go
 * @param features switches and limits
 * @param appName the name the frontend shows
 * @param version the configuration's own version label, shown to users
 */
public record ChatbotConfig(Bedrock bedrock, Athena athena, S3 s3, Features features, String appName,
        String version) {

    public ChatbotConfig {
        bedrock = (bedrock != null) ? bedrock : new Bedrock(null, null, null, null, null);
        athena = (athena != null) ? athena : new Athena(null, null, null, null, null);
        s3 = (s3 != null) ? s3 : new S3(null, null, null);
        features = (features != null) ? features : new Features(null, null, null, null, null, null);
        appName = (appName != null) ? appName : "ClearSky Text-to-SQL";
        version = (version != null) ? version : "1.0.0";
    }

    /**
     * @param region the Bedrock region; when absent, {@code AWS_REGION}
     * @param modelId a model id or a cross-region inference profile id
     * @param embeddingModelId the embedding model for retrieval
     * @param maxTokens most tokens the model may write per call
     * @param temperature sampling temperature, 0–1
     */
    public record Bedrock(String region, String modelId, String embeddingModelId, Integer maxTokens,
            Double temperature) {

        public Bedrock {
            modelId = (modelId != null) ? modelId : "anthropic.claude-3-5-sonnet-20241022-v2:0";
            embeddingModelId = (embeddingModelId != null) ? embeddingModelId : "amazon.titan-embed-text-v2:0";
            maxTokens = (maxTokens != null) ? maxTokens : 4096;
            temperature = (temperature != null) ? temperature : 0.1;
        }
    }

    /**
     * @param workgroup the Athena workgroup queries run in
     * @param database the database questions are answered from
     * @param catalog the data catalog
     * @param outputLocationS3 where Athena writes results, {@code s3://bucket/prefix/}; when absent, the
     * workgroup's own setting
     * @param queryTimeoutSeconds longest an Athena query may run before it is stopped
     */
    public record Athena(String workgroup, String database, String catalog, String outputLocationS3,
            Integer queryTimeoutSeconds) {

        public Athena {
            workgroup = (workgroup != null) ? workgroup : "primary";
            database = (database != null) ? database : "default";
            catalog = (catalog != null) ? catalog : "AwsDataCatalog";
            queryTimeoutSeconds = (queryTimeoutSeconds != null) ? queryTimeoutSeconds : 300;
        }
    }

    /**
     * @param resultsBucket the bucket large results are copied to; when absent, large results stay
     * local
     * @param resultsPrefix the key prefix of copied results
     * @param presignedUrlExpiry lifetime of the download links, in seconds (at most 7 days)
     */
    public record S3(String resultsBucket, String resultsPrefix, Integer presignedUrlExpiry) {

        public S3 {
            resultsPrefix = (resultsPrefix != null) ? resultsPrefix : "query-results/";
            presignedUrlExpiry = (presignedUrlExpiry != null) ? presignedUrlExpiry : 3600;
        }
    }

    /**
     * @param enableStreaming stream the model's output as progress events
     * @param enableAdvancedCharts allow stacked, area, mixed and dual-axis charts
     * @param defaultMaxRows rows an answer carries
     * @param largeResultThreshold rows above which the full result goes to S3 behind a link
     * @param enableSqlExplanation add a plain-language explanation of the SQL
     * @param enableDebugMode show prompts and timings meant for developers
     */
    public record Features(Boolean enableStreaming, Boolean enableAdvancedCharts, Integer defaultMaxRows,
            Integer largeResultThreshold, Boolean enableSqlExplanation, Boolean enableDebugMode) {

        public Features {
            enableStreaming = (enableStreaming != null) ? enableStreaming : true;
            enableAdvancedCharts = (enableAdvancedCharts != null) ? enableAdvancedCharts : true;
            defaultMaxRows = (defaultMaxRows != null) ? defaultMaxRows : 1000;
            largeResultThreshold = (largeResultThreshold != null) ? largeResultThreshold : 10_000;
            enableSqlExplanation = (enableSqlExplanation != null) ? enableSqlExplanation : true;
            enableDebugMode = (enableDebugMode != null) ? enableDebugMode : false;
        }
    }
}
