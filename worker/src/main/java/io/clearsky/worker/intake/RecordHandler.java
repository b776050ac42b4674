package io.clearsky.worker.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes one question record to completion on the calling (virtual) thread. Returning, normally or
 * not, means the record's work is finished and its offset may be committed.
 */
@FunctionalInterface
public interface RecordHandler {

    void handle(ConsumerRecord<String, byte[]> record);
}
