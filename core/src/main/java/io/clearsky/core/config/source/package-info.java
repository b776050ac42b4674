/**
 * Where configuration objects come from: S3, local files, or the defaults in the jar.
 */
package io.clearsky.core.config.source;
