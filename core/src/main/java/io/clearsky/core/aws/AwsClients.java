package io.clearsky.core.aws;

import org.springframework.core.env.PropertyResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds AWS SDK clients with ClearSky's region and credentials rules.
 */
public final class AwsClients {

    private final AwsProperties properties;

    private final AwsCredentialsProvider credentials;

    private final Region region;

    public AwsClients(AwsProperties properties, PropertyResolver environment) {
        this.properties = properties;
        this.credentials = credentials(environment);
        this.region = region(properties);
    }

    public Region region() {
        return this.region;
    }

    public AwsCredentialsProvider credentials() {
        return this.credentials;
    }

    public S3Client s3() {
        var builder = S3Client.builder().region(this.region).credentialsProvider(this.credentials);
        if (this.properties.s3Endpoint() != null) {
            builder.endpointOverride(this.properties.s3Endpoint())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    /**
     * Keys from the process environment are the SDK's business; keys only a {@code .env} file holds
     * are visible to Spring alone, so they are handed over explicitly.
     */
    private static AwsCredentialsProvider credentials(PropertyResolver environment) {
        String keyId = environment.getProperty("AWS_ACCESS_KEY_ID");
        String secret = environment.getProperty("AWS_SECRET_ACCESS_KEY");
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && keyId != null && secret != null) {
            String token = environment.getProperty("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create((token != null) ? AwsSessionCredentials.create(keyId, secret, token)
                    : AwsBasicCredentials.create(keyId, secret));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static Region region(AwsProperties properties) {
        if (properties.region() != null) {
            return Region.of(properties.region());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        }
        catch (RuntimeException ex) {
            // No region anywhere: local mode, where AWS is only called if the user configures it.
            return Region.US_EAST_1;
        }
    }
}
