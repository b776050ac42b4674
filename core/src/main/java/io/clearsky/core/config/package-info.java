/**
 * The original service's configuration: the two JSON objects (from S3, local files or the defaults in
 * the jar), their validation, the live revision every stage reads, and the environment variables.
 */
package io.clearsky.core.config;
