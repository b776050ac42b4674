package io.clearsky.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    private static final String SOURCE = "s3://bucket/chatbot_config.json";

    @ParameterizedTest
    @ValueSource(strings = { "chatbot_config.json", "chatbot_config.sonnet37-inference-profile.json" })
    void theOriginalChatbotExamplesLoadUnchangedAndValid(String name) {
        ConfigReader.Parsed<ChatbotConfig> parsed = ConfigReader.chatbot(example(name), name);

        assertThat(ConfigValidator.validate(parsed.value(), name)).isEmpty();
        assertThat(parsed.value().athena().outputLocationS3()).startsWith("s3://");
        assertThat(parsed.value().features().defaultMaxRows()).isPositive();
    }

    @Test
    void theInferenceProfileExampleKeepsItsModelIdAndReportsItsUnknownField() {
        ConfigReader.Parsed<ChatbotConfig> parsed = ConfigReader.chatbot(
                example("chatbot_config.sonnet37-inference-profile.json"), SOURCE);

        assertThat(parsed.value().bedrock().modelId()).isEqualTo("us.anthropic.claude-3-7-sonnet-20250219-v1:0");
        assertThat(parsed.value().bedrock().temperature()).isEqualTo(0.0);
        assertThat(parsed.unknownFields()).containsExactly("ui_theme");
    }

    @Test
    void theOriginalVectorStoreExampleLoadsUnchangedAndValid() {
        ConfigReader.Parsed<VectorStoreConfig> parsed = ConfigReader.vectorStore(example("vector_store_config.json"),
                "vector_store_config.json");

        assertThat(ConfigValidator.validate(parsed.value(), "vector_store_config.json")).isEmpty();
        assertThat(parsed.value().connection().describe()).isEqualTo("user@host:5432/database");
        assertThat(parsed.value().embeddingDimension()).isEqualTo(1024);
        assertThat(parsed.unknownFields()).isEmpty();
    }

    @Test
    void missingSectionsTakeTheDocumentedDefaults() {
        ChatbotConfig config = ConfigReader.chatbot(bytes("{}"), SOURCE).value();

        assertThat(config.bedrock().maxTokens()).isEqualTo(4096);
        assertThat(config.athena().queryTimeoutSeconds()).isEqualTo(300);
        assertThat(config.s3().presignedUrlExpiry()).isEqualTo(3600);
        assertThat(config.features().defaultMaxRows()).isEqualTo(1000);
        assertThat(ConfigValidator.validate(config, SOURCE)).isEmpty();
    }

    @Test
    void unknownNestedFieldsAreReportedWithTheirPath() {
        ConfigReader.Parsed<ChatbotConfig> parsed = ConfigReader.chatbot(
                bytes("{\"bedrock\": {\"top_p\": 0.9, \"temperature\": 0.2}, \"features\": {\"beta\": {\"x\": 1}}}"),
                SOURCE);

        assertThat(parsed.unknownFields()).containsExactly("bedrock.top_p", "features.beta");
        assertThat(parsed.value().bedrock().temperature()).isEqualTo(0.2);
    }

    @Test
    void invalidJsonIsNamedWithItsLocation() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigReader.chatbot(bytes("{\n  \"app_name\": \"x\",\n}"), SOURCE))
                .withMessage(SOURCE + ": is not valid JSON (line 3, column 1)");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigReader.chatbot(bytes("[1, 2]"), SOURCE))
                .withMessage(SOURCE + ": must be a JSON object");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPath() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigReader.chatbot(bytes("{\"bedrock\": {\"temperature\": \"warm\"}}"), SOURCE))
                .withMessage(SOURCE + ": bedrock.temperature has the wrong type: expected a number");
    }

    @Test
    void everyBrokenRuleIsReportedWithItsPathAndRule() {
        ChatbotConfig config = ConfigReader.chatbot(bytes("""
                {"bedrock": {"temperature": 1.5, "max_tokens": 0, "region": "US East"},
                 "athena": {"output_location_s3": "my-bucket/results/", "query_timeout_seconds": 0},
                 "s3": {"results_bucket": "s3://results", "presigned_url_expiry": 700000},
                 "features": {"default_max_rows": 0}}
                """), SOURCE).value();

        assertThat(ConfigValidator.validate(config, SOURCE)).extracting(ConfigProblem::toString).containsExactly(
                SOURCE + ": bedrock.region must be an AWS region such as us-east-1 (was \"US East\")",
                SOURCE + ": bedrock.max_tokens must be between 1 and 200,000 (was 0)",
                SOURCE + ": bedrock.temperature must be between 0 and 1 (was 1.5)",
                SOURCE + ": athena.output_location_s3 must be an S3 URI such as s3://bucket/prefix/ (was \"my-bucket/results/\")",
                SOURCE + ": athena.query_timeout_seconds must be between 1 and 86,400 (was 0)",
                SOURCE + ": s3.results_bucket must be a bucket name (3–63 lower-case letters, digits, dots and hyphens), "
                        + "not a URI (was \"s3://results\")",
                SOURCE + ": s3.presigned_url_expiry must be between 1 and 604,800 (was 700000)",
                SOURCE + ": features.default_max_rows must be between 1 and 100,000 (was 0)");
    }

    @Test
    void vectorStoreRulesNameTheFieldAndNeverTheConnectionString() {
        String secret = "s3cr3t-Pa55";
        VectorStoreConfig config = ConfigReader.vectorStore(bytes("""
                {"type": "pgvector", "connection_string": "mysql://admin:%s@db:3306/x",
                 "table": "drop table;", "top_k": 0, "similarity_threshold": 1.2, "embedding_dimension": 1024}
                """.formatted(secret)), "vector_store_config.json").value();

        List<ConfigProblem> problems = ConfigValidator.validate(config, "vector_store_config.json");

        assertThat(problems).extracting(ConfigProblem::path)
                .containsExactly("connection_string", "table", "top_k", "similarity_threshold");
        assertThat(problems.get(0).message()).startsWith("must use the postgresql scheme");
        assertThat(problems.toString()).doesNotContain(secret);
    }

    @Test
    void theConnectionStringPasswordNeverAppearsWhenTheConfigIsPrinted() {
        VectorStoreConfig config = ConfigReader.vectorStore(example("vector_store_config.json"), "v").value();

        assertThat(config.toString()).contains("postgresql+psycopg://user:****@host:5432/database")
                .doesNotContain("password");
        assertThat(config.connection().toString()).doesNotContain("password");
    }

    @Test
    void changesAreListedAsFieldPathsWithoutValues() {
        ClearSkyConfig before = new ClearSkyConfig(ConfigReader.chatbot(example("chatbot_config.json"), "c").value(),
                ConfigReader.vectorStore(example("vector_store_config.json"), "v").value());
        ClearSkyConfig after = new ClearSkyConfig(ConfigReader.chatbot(bytes(
                new String(example("chatbot_config.json"), StandardCharsets.UTF_8).replace("\"default_max_rows\": 1000",
                        "\"default_max_rows\": 5")), "c").value(),
                ConfigReader.vectorStore(bytes(new String(example("vector_store_config.json"), StandardCharsets.UTF_8)
                        .replace("user:password", "user:rotated")), "v").value());

        assertThat(after.changesFrom(before)).containsExactly("chatbot_config.features.default_max_rows",
                "vector_store_config.connection_string");
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint()).hasSize(64);
        assertThat(before.changesFrom(before)).isEmpty();
    }

    @Test
    void theFingerprintIgnoresWhitespaceAndFieldOrder() {
        ChatbotConfig a = ConfigReader.chatbot(bytes("{\"app_name\": \"A\", \"version\": \"1\"}"), "c").value();
        ChatbotConfig b = ConfigReader.chatbot(bytes("{ \"version\":\"1\",\n \"app_name\":\"A\" }"), "c").value();
        VectorStoreConfig store = ConfigReader.vectorStore(bytes("{\"type\": \"memory\"}"), "v").value();

        assertThat(new ClearSkyConfig(a, store).fingerprint()).isEqualTo(new ClearSkyConfig(b, store).fingerprint());
    }

    static byte[] example(String name) {
        try (InputStream in = ConfigReaderTest.class.getResourceAsStream("/config-examples/" + name)) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
