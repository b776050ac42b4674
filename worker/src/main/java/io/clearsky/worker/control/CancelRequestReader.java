package io.clearsky.worker.control;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.QueryCancelRequested;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns control-topic records into cancel requests. An unreadable record is logged and skipped rather
 * than dead-lettered: every worker reads every record, so each would put its own copy in the
 * dead-letter topic.
 */
public final class CancelRequestReader implements Consumer<ConsumerRecord<String, byte[]>> {

    private static final Logger logger = LoggerFactory.getLogger(CancelRequestReader.class);

    private final AvroSerde<QueryCancelRequested> serde = AvroSerde.queryCancelRequested();

    private final Cancellations cancellations;

    public CancelRequestReader(Cancellations cancellations) {
        this.cancellations = cancellations;
    }

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
        try {
            QueryCancelRequested request = this.serde.deserialize(record.topic(), record.value());
            if (request == null || request.getQueryId() == null || request.getQueryId().isBlank()) {
                logger.warn("Skipped a cancel request without a query id at {}-{}@{}", record.topic(), record.partition(),
                        record.offset());
                return;
            }
            logger.info("Cancel requested for query {}", request.getQueryId());
            this.cancellations.request(request.getQueryId(), request.getRequestedAt());
        }
        catch (SerializationException ex) {
            logger.warn("Skipped an unreadable cancel request at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), ex.getMessage());
        }
    }
}
