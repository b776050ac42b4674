package io.clearsky.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules each configuration field must follow. Every broken rule is reported at once, each naming
 * its JSON path; values are quoted only where they cannot be secret.
 */
public final class ConfigValidator {

    /** Presigned S3 URLs signed with SigV4 live at most seven days. */
    static final int MAX_PRESIGNED_EXPIRY_SECONDS = 7 * 24 * 3600;

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static final Pattern S3_URI = Pattern.compile("s3://([^/]+)(/.*)?");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]{0,127}");

    private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final String source;

    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigValidator(String source) {
        this.source = source;
    }

    public static List<ConfigProblem> validate(ChatbotConfig config, String source) {
        ConfigValidator validator = new ConfigValidator(source);
        validator.chatbot(config);
        return List.copyOf(validator.problems);
    }

    public static List<ConfigProblem> validate(VectorStoreConfig config, String source) {
        ConfigValidator validator = new ConfigValidator(source);
        validator.vectorStore(config);
        return List.copyOf(validator.problems);
    }

    private void chatbot(ChatbotConfig config) {
        ChatbotConfig.Bedrock bedrock = config.bedrock();
        if (bedrock.region() != null && !REGION.matcher(bedrock.region()).matches()) {
            problem("bedrock.region", "must be an AWS region such as us-east-1 (was \"" + bedrock.region() + "\")");
        }
        notBlank("bedrock.model_id", bedrock.modelId());
        notBlank("bedrock.embedding_model_id", bedrock.embeddingModelId());
        range("bedrock.max_tokens", bedrock.maxTokens(), 1, 200_000);
        range("bedrock.temperature", bedrock.temperature(), 0, 1);

        ChatbotConfig.Athena athena = config.athena();
        identifier("athena.workgroup", athena.workgroup());
        identifier("athena.database", athena.database());
        identifier("athena.catalog", athena.catalog());
        if (athena.outputLocationS3() != null) {
            s3Uri("athena.output_location_s3", athena.outputLocationS3());
        }
        range("athena.query_timeout_seconds", athena.queryTimeoutSeconds(), 1, 24 * 3600);

        ChatbotConfig.S3 s3 = config.s3();
        if (s3.resultsBucket() != null && !BUCKET.matcher(s3.resultsBucket()).matches()) {
            problem("s3.results_bucket", "must be a bucket name (3–63 lower-case letters, digits, dots and hyphens), "
                    + "not a URI (was \"" + s3.resultsBucket() + "\")");
        }
        if (s3.resultsPrefix().startsWith("/")) {
            problem("s3.results_prefix", "must not start with / (was \"" + s3.resultsPrefix() + "\")");
        }
        range("s3.presigned_url_expiry", s3.presignedUrlExpiry(), 1, MAX_PRESIGNED_EXPIRY_SECONDS);

        ChatbotConfig.Features features = config.features();
        range("features.default_max_rows", features.defaultMaxRows(), 1, 100_000);
        range("features.large_result_threshold", features.largeResultThreshold(), 1, Integer.MAX_VALUE);
        notBlank("app_name", config.appName());
        notBlank("version", config.version());
    }

    private void vectorStore(VectorStoreConfig config) {
        if (!VectorStoreConfig.PGVECTOR.equals(config.type()) && !VectorStoreConfig.MEMORY.equals(config.type())) {
            problem("type", "must be \"pgvector\" or \"memory\" (was \"" + config.type() + "\")");
        }
        if (VectorStoreConfig.PGVECTOR.equals(config.type())) {
            try {
                PostgresConnection.parse(config.connectionString());
            }
            catch (IllegalArgumentException ex) {
                problem("connection_string", ex.getMessage());
            }
        }
        if (!TABLE.matcher(config.table()).matches()) {
            problem("table", "must be a table name, optionally schema-qualified (was \"" + config.table() + "\")");
        }
        range("embedding_dimension", config.embeddingDimension(), 1, 16_000);
        range("top_k", config.topK(), 1, 100);
        range("similarity_threshold", config.similarityThreshold(), 0, 1);
    }

    private void s3Uri(String path, String value) {
        var matcher = S3_URI.matcher(value);
        if (!matcher.matches()) {
            problem(path, "must be an S3 URI such as s3://bucket/prefix/ (was \"" + value + "\")");
        }
        else if (!BUCKET.matcher(matcher.group(1)).matches()) {
            problem(path, "names an invalid bucket \"" + matcher.group(1) + "\"");
        }
    }

    private void identifier(String path, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            problem(path, "must be a name of letters, digits, _ and - (was \"" + value + "\")");
        }
    }

    private void notBlank(String path, String value) {
        if (value == null || value.isBlank()) {
            problem(path, "must not be blank");
        }
    }

    private void range(String path, Number value, double min, double max) {
        if (value.doubleValue() < min || value.doubleValue() > max || Double.isNaN(value.doubleValue())) {
            String bounds = (max == Integer.MAX_VALUE) ? "at least " + format(min)
                    : "between " + format(min) + " and " + format(max);
            problem(path, "must be " + bounds + " (was " + value + ")");
        }
    }

    private static String format(double bound) {
        return (bound == Math.rint(bound)) ? String.format("%,d", (long) bound) : Double.toString(bound);
    }

    private void problem(String path, String message) {
        this.problems.add(new ConfigProblem(this.source, path, message));
    }
}
