package io.clearsky.core.config.sync;

import java.time.Instant;

/**
 * What one instance last said about its configuration.
 *
 * @param instance the instance, e.g. {@code clearsky-worker@worker-7d9f:1}
 * @param role its application name
 * @param revision the revision it answered for
 * @param status {@code APPLIED} or {@code REFUSED}
 * @param message why it refused; null otherwise
 * @param at when it answered
 */
public record InstanceState(String instance, String role, long revision, String status, String message, Instant at) {
}
