package io.clearsky.core.aws;

import java.net.URI;
import org.springframework.core.env.PropertyResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

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
            builder.endpointOverride(this.properties.s3Endpoint()).serviceConfiguration(pathStyle());
        }
        return builder.build();
    }

    /** Signs download links with the same credentials, region and endpoint as {@link #s3()}. */
    public S3Presigner s3Presigner() {
        var builder = S3Presigner.builder().region(this.region).credentialsProvider(this.credentials);
        if (this.properties.s3Endpoint() != null) {
            builder.endpointOverride(this.properties.s3Endpoint()).serviceConfiguration(pathStyle());
        }
        return builder.build();
    }

    /**
     * Athena through the non-blocking client, so waiting for a query holds no thread. Adaptive retries
     * back off with jitter on throttling ({@code TooManyRequestsException}) and server errors.
     */
    public AthenaAsyncClient athena() {
        var builder = AthenaAsyncClient.builder().region(this.region).credentialsProvider(this.credentials)
                .overrideConfiguration((client) -> client.retryStrategy(RetryMode.ADAPTIVE_V2));
        return endpoint(builder, this.properties.athenaEndpoint()).build();
    }

    /**
     * Bedrock Runtime for Titan embeddings, in {@code region} ({@code bedrock.region}) or, when that is
     * null, ClearSky's region.
     */
    public BedrockRuntimeClient bedrock(String region) {
        return endpoint(BedrockRuntimeClient.builder().region(bedrockRegion(region)).credentialsProvider(this.credentials),
                this.properties.bedrockEndpoint()).build();
    }

    /**
     * Bedrock Runtime for Claude, non-blocking and without the SDK's retries: the generator retries with
     * the query's deadline in view, and the SDK's own would multiply them.
     */
    public BedrockRuntimeAsyncClient bedrockAsync(String region) {
        return endpoint(BedrockRuntimeAsyncClient.builder().region(bedrockRegion(region)).credentialsProvider(this.credentials)
                .overrideConfiguration((client) -> client.retryStrategy(AwsRetryStrategy.doNotRetry())),
                this.properties.bedrockEndpoint()).build();
    }

    private Region bedrockRegion(String region) {
        return (region != null) ? Region.of(region) : this.region;
    }

    /** Aims a client at an explicit endpoint, or leaves the SDK's endpoint settings in charge. */
    private static <B extends SdkClientBuilder<B, ?>> B endpoint(B builder, URI endpoint) {
        return (endpoint != null) ? builder.endpointOverride(endpoint) : builder;
    }

    private static S3Configuration pathStyle() {
        return S3Configuration.builder().pathStyleAccessEnabled(true).build();
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
