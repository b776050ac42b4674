package io.clearsky.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.aws.AwsProperties;
import io.clearsky.core.config.ConfigLoader.ConfigObject;
import io.clearsky.core.config.source.S3ConfigSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reading the configuration objects from S3, against an in-process S3 server.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigFromS3IT {

    private static final String BUCKET = "clearsky-config";

    private static final String SECRET = "pg-Secret-42";

    @TempDir
    static Path root;

    static S3MockServer s3;

    @BeforeAll
    static void startS3() {
        s3 = S3MockServer.start(root, BUCKET);
        s3.put(BUCKET, "chatbot_config.json", text("chatbot_config.sonnet37-inference-profile.json"));
        s3.put(BUCKET, "vector_store_config.json", text("vector_store_config.json").replace("user:password",
                "clearsky:" + SECRET));
        s3.put(BUCKET, "broken.json", "{\"bedrock\": ");
        s3.put(BUCKET, "invalid.json", "{\"bedrock\": {\"temperature\": 2}}");
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @Test
    void bothObjectsLoadFromTheBucket() {
        ClearSkyConfig config = loader("chatbot_config.json", "vector_store_config.json").load();

        assertThat(config.chatbot().appName()).isEqualTo("Acme Data Assistant");
        assertThat(config.chatbot().features().defaultMaxRows()).isEqualTo(200);
        assertThat(config.vectorStore().connection().password()).isEqualTo(SECRET);
    }

    @Test
    void aMissingObjectIsNamedWithItsLocation() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> loader("nowhere/chatbot_config.json", "vector_store_config.json").load())
                .withMessage("s3://" + BUCKET + "/nowhere/chatbot_config.json: object not found (NoSuchKey)");
    }

    @Test
    void aMissingBucketIsNamed() {
        S3ConfigSource source = new S3ConfigSource(client(), "no-such-bucket");
        ConfigLoader loader = new ConfigLoader(new ConfigObject(source, "a.json"), new ConfigObject(source, "b.json"));

        assertThatExceptionOfType(ConfigException.class).isThrownBy(loader::load)
                .withMessageStartingWith("s3://no-such-bucket/a.json: bucket not found (NoSuchBucket); "
                        + "s3://no-such-bucket/b.json: bucket not found");
    }

    @Test
    void problemsInBothObjectsAreReportedTogether() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> loader("invalid.json", "broken.json").load())
                .withMessage("s3://" + BUCKET + "/invalid.json: bedrock.temperature must be between 0 and 1 (was 2.0); "
                        + "s3://" + BUCKET + "/broken.json: is not valid JSON (line 1, column 13)");
    }

    @Test
    void probeChecksBothObjectsWithoutReadingThem() {
        loader("chatbot_config.json", "vector_store_config.json").probe();
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> loader("chatbot_config.json", "gone.json").probe())
                .withMessageContaining("gone.json: object not found");
    }

    @Test
    void startUpFromS3InstallsTheObjectsAndLogsUnknownFieldsAsWarnings(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            LiveConfig live = context.getBean(LiveConfig.class);

            assertThat(live.get().chatbot().bedrock().modelId()).startsWith("us.anthropic.claude-3-7-sonnet");
            assertThat(live.get().vectorStore().topK()).isEqualTo(10);
        }
        assertThat(output).contains("s3://" + BUCKET + "/chatbot_config.json: unknown field ui_theme ignored")
                .doesNotContain(SECRET);
    }

    @Test
    void startUpWithAMissingObjectStopsWithOneLineAndNoStackTrace(CapturedOutput output) {
        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> start(Map.of("CHATBOT_CONFIG_KEY", "missing.json")).close());

        assertThat(output).contains("Cannot load the configuration: s3://" + BUCKET
                + "/missing.json: object not found (NoSuchKey)").doesNotContain("\tat ");
    }

    @Test
    void startUpWithInvalidJsonStopsWithOneLine(CapturedOutput output) {
        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> start(Map.of("VECTORSTORE_CONFIG_KEY", "broken.json")).close());

        assertThat(output).contains("Cannot load the configuration: s3://" + BUCKET
                + "/broken.json: is not valid JSON (line 1, column 13)").doesNotContain("\tat ");
    }

    private static ConfigurableApplicationContext start(Map<String, Object> variables) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("CONFIG_BUCKET", BUCKET,
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "clearsky.aws.s3-endpoint", s3.endpoint().toString()));
        properties.putAll(variables);
        // S3Mock's application.properties, on this class path too, asks for lazy beans: overruled here.
        return new SpringApplicationBuilder(ConfigOnly.class).web(WebApplicationType.NONE).properties(properties)
                .run("--spring.main.lazy-initialization=false");
    }

    private static ConfigLoader loader(String chatbotKey, String vectorStoreKey) {
        S3ConfigSource source = new S3ConfigSource(client(), BUCKET);
        return new ConfigLoader(new ConfigObject(source, chatbotKey), new ConfigObject(source, vectorStoreKey));
    }

    /** A client built by the production factory, aimed at the in-process server. */
    private static S3Client client() {
        MockEnvironment environment = new MockEnvironment().withProperty("AWS_ACCESS_KEY_ID", "test")
                .withProperty("AWS_SECRET_ACCESS_KEY", "test");
        return new AwsClients(new AwsProperties("us-east-1", s3.endpoint(), null, null), environment).s3();
    }

    private static String text(String example) {
        return new String(ConfigReaderTest.example(example), StandardCharsets.UTF_8);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = KafkaAutoConfiguration.class)
    static class ConfigOnly {
    }
}
