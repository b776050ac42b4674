/**
 * Reading questions from Kafka: many in flight per instance, offsets committed only behind finished
 * work, unreadable or invalid records sent to the dead-letter topic.
 */
package io.clearsky.worker.intake;
