/**
 * Keeps every instance on the same configuration revision through a compacted Kafka topic.
 */
package io.clearsky.core.config.sync;
