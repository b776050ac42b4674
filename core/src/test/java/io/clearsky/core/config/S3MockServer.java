package io.clearsky.core.config;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * An S3 server in this JVM (Adobe's S3Mock, speaking the real S3 REST protocol) on a random loopback
 * port, for tests of the code that reads configuration from S3.
 */
public final class S3MockServer implements AutoCloseable {

    /**
     * The ClearSky, Kafka and Spring Security auto-configurations must stay out of S3Mock's own application
     * context (the gateway's security on the class path would otherwise lock S3Mock behind a login).
     */
    private static final String EXCLUDED = String.join(",",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "io.clearsky.core.kafka.TopicConfiguration",
            "io.clearsky.core.CoreConfiguration",
            "io.clearsky.core.config.ConfigConfiguration",
            "io.clearsky.core.config.sync.ConfigSyncConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration");

    private final S3MockApplication application;

    private final S3Client client;

    private S3MockServer(S3MockApplication application) {
        this.application = application;
        this.client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    public static S3MockServer start(Path root, String... buckets) {
        // S3Mock adds its own defaults to the map it is given.
        return new S3MockServer(S3MockApplication.start(new HashMap<>(Map.of(
                "http.port", 0,
                // Repeated from S3Mock's application.properties, which another module's may shadow.
                "com.adobe.testing.s3mock.httpPort", 0,
                "com.adobe.testing.s3mock.store.region", "us-east-1",
                "server.port", 0,
                "server.address", "127.0.0.1",
                "silent", true,
                "spring.main.banner-mode", "off",
                "spring.autoconfigure.exclude", EXCLUDED,
                "com.adobe.testing.s3mock.store.root", root.toString(),
                "com.adobe.testing.s3mock.store.initial-buckets", String.join(",", buckets)))));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + this.application.getHttpPort());
    }

    public S3Client client() {
        return this.client;
    }

    public void put(String bucket, String key, String content) {
        this.client.putObject((request) -> request.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    public void delete(String bucket, String key) {
        this.client.deleteObject((request) -> request.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        this.client.close();
        this.application.stop();
    }
}
