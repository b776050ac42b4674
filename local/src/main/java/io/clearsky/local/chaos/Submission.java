package io.clearsky.local.chaos;

/**
 * One question the run asked and was told was accepted.
 *
 * @param queryId the id the gateway answered with, or the one published with it
 * @param question its text
 * @param path {@code gateway-1}, {@code gateway-2} or {@code topic}
 * @param submittedAtNanos {@code System.nanoTime()} when it was sent
 */
record Submission(String queryId, String question, String path, long submittedAtNanos) {
}
