package io.clearsky.core.config.source;

import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.Secrets;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads configuration objects from an S3 bucket, as the original service did.
 */
public final class S3ConfigSource implements ConfigSource {

    private final S3Client s3;

    private final String bucket;

    public S3ConfigSource(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String location(String key) {
        return "s3://" + this.bucket + "/" + key;
    }

    @Override
    public byte[] read(String key) {
        try {
            return this.s3.getObjectAsBytes((request) -> request.bucket(this.bucket).key(key)).asByteArray();
        }
        catch (SdkException ex) {
            throw failure(key, ex);
        }
    }

    @Override
    public void probe(String key) {
        try {
            this.s3.headObject((request) -> request.bucket(this.bucket).key(key));
        }
        catch (SdkException ex) {
            throw failure(key, ex);
        }
    }

    private ConfigException failure(String key, SdkException ex) {
        return ConfigException.of(location(key), reason(ex));
    }

    /** Why S3 refused, in a few words; the SDK's own message for the unexpected cases, redacted. */
    static String reason(SdkException ex) {
        if (ex instanceof NoSuchKeyException) {
            return "object not found (NoSuchKey)";
        }
        if (ex instanceof NoSuchBucketException) {
            return "bucket not found (NoSuchBucket)";
        }
        if (ex instanceof S3Exception s3) {
            return switch (s3.statusCode()) {
                case 403 -> "access denied (" + code(s3, "AccessDenied") + "); the role needs s3:GetObject on it";
                case 404 -> "object not found (" + code(s3, "NotFound") + ")";
                case 301, 400 -> "bucket not reachable in this region (" + code(s3, "status " + s3.statusCode()) + ")";
                default -> "S3 error " + s3.statusCode() + " (" + code(s3, "unknown") + ")";
            };
        }
        String message = Objects.requireNonNullElse(Secrets.redactedFirstLine(ex.getMessage()), "unknown error");
        return (ex instanceof SdkClientException) ? "S3 could not be reached: " + message : message;
    }

    private static String code(S3Exception ex, String fallback) {
        String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
        return (code != null && !code.isBlank()) ? code : fallback;
    }
}
