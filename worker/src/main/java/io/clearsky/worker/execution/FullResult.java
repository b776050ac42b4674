package io.clearsky.worker.execution;

import java.nio.file.Path;

/**
 * The complete result of a query, as a CSV file with a header row, wherever the engine left it.
 */
public sealed interface FullResult {

    /**
     * An object Athena wrote to its output location.
     *
     * @param bucket the bucket
     * @param key the object key
     */
    record S3Object(String bucket, String key) implements FullResult {
    }

    /**
     * A file the local engine wrote.
     *
     * @param path the file, which the results stage moves or deletes
     */
    record LocalFile(Path path) implements FullResult {
    }
}
