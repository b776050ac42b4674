package io.clearsky.worker.results;

import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.worker.execution.FullResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Puts the full result of a query where the asker can download it and says where. With
 * {@code s3.results_bucket} configured the result becomes {@code s3://{bucket}/{prefix}{query_id}.csv} —
 * copied inside S3 from Athena's output, or uploaded from a local file — behind a presigned GET link
 * valid for {@code s3.presigned_url_expiry} seconds. Without a bucket, Athena's own output object gets the
 * link, and a local file moves to the results folder and is named by a {@code file:} URI.
 */
public final class ResultStore {

    private static final Logger logger = LoggerFactory.getLogger(ResultStore.class);

    private final S3Client s3;

    private final S3Presigner presigner;

    private final Supplier<ChatbotConfig.S3> config;

    private final Path localDirectory;

    public ResultStore(S3Client s3, S3Presigner presigner, Supplier<ChatbotConfig.S3> config, Path localDirectory) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
        this.localDirectory = localDirectory;
    }

    /**
     * @return the download location, or null when the result could not be placed (the answer keeps its
     * rows; the reason is logged)
     */
    public String place(String queryId, FullResult result) {
        ChatbotConfig.S3 settings = this.config.get();
        String bucket = settings.resultsBucket();
        String key = settings.resultsPrefix() + queryId + ".csv";
        try {
            return switch (result) {
                case FullResult.S3Object source when bucket != null -> {
                    this.s3.copyObject((copy) -> copy.sourceBucket(source.bucket()).sourceKey(source.key())
                            .destinationBucket(bucket).destinationKey(key).contentType("text/csv"));
                    yield presign(bucket, key, settings);
                }
                case FullResult.S3Object source -> presign(source.bucket(), source.key(), settings);
                case FullResult.LocalFile file when bucket != null -> {
                    this.s3.putObject((put) -> put.bucket(bucket).key(key).contentType("text/csv"), file.path());
                    Files.deleteIfExists(file.path());
                    yield presign(bucket, key, settings);
                }
                case FullResult.LocalFile file -> {
                    Files.createDirectories(this.localDirectory);
                    Path target = this.localDirectory.resolve(queryId.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv");
                    yield Files.move(file.path(), target, StandardCopyOption.REPLACE_EXISTING).toUri().toString();
                }
            };
        }
        catch (SdkException | IOException ex) {
            logger.warn("The full result of query {} could not be placed in {}: {}", queryId,
                    (bucket != null) ? "s3://" + bucket + "/" + key : this.localDirectory, ex.getMessage());
            return null;
        }
    }

    private String presign(String bucket, String key, ChatbotConfig.S3 settings) {
        return this.presigner.presignGetObject((request) -> request
                        .signatureDuration(Duration.ofSeconds(settings.presignedUrlExpiry()))
                        .getObjectRequest((get) -> get.bucket(bucket).key(key)))
                .url().toString();
    }
}
