package io.clearsky.core.aws;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How ClearSky reaches AWS. Credentials come from the SDK's default chain (environment, profile, web
 * identity for IRSA, container and instance roles), or from {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} in a {@code .env} file; they are never bound as properties.
 *
 * @param region the region ({@code AWS_REGION}); when absent, the SDK's own lookup, then us-east-1
 * @param s3Endpoint an S3-compatible endpoint instead of AWS's, e.g. MinIO; path-style addressing is
 * used with it
 * @param athenaEndpoint an Athena endpoint instead of the regional one
 * @param bedrockEndpoint a Bedrock Runtime endpoint instead of the regional one
 *
 * <p>Without these, the SDK's own endpoint settings apply: {@code AWS_ENDPOINT_URL} and the
 * service-specific {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_ATHENA},
 * {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} (VPC endpoints, proxies).
 */
@ConfigurationProperties("clearsky.aws")
public record AwsProperties(String region, URI s3Endpoint, URI athenaEndpoint, URI bedrockEndpoint) {

    public AwsProperties {
        region = (region == null || region.isBlank()) ? null : region.strip();
    }
}
