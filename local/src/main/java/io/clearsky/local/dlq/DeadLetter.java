package io.clearsky.local.dlq;

import io.clearsky.schemas.DlqHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record of the dead-letter topic: where it sits, the original record's key, value and headers, and
 * why it was dead-lettered. The value is kept as bytes, whatever its format.
 *
 * @param partition the dead-letter topic's partition
 * @param offset its offset there
 * @param record the dead-letter record itself
 */
public record DeadLetter(int partition, long offset, ConsumerRecord<byte[], byte[]> record) {

    /** Every header the dead-lettering adds ({@link DlqHeaders}) starts with this. */
    private static final String DEAD_LETTER_HEADER_PREFIX = "clearsky.dlq.";

    /** The original key, the query id for ClearSky's own records; null when the record had none. */
    public String id() {
        return (this.record.key() != null) ? new String(this.record.key(), StandardCharsets.UTF_8) : null;
    }

    public String reasonCode() {
        return header(DlqHeaders.REASON_CODE);
    }

    public String reason() {
        return header(DlqHeaders.REASON);
    }

    /** {@code topic-partition@offset} of the original record. */
    public String origin() {
        return header(DlqHeaders.ORIGIN);
    }

    /** The topic the original record was read from, or null when the origin header is missing or malformed. */
    public String sourceTopic() {
        String origin = origin();
        int dash = (origin != null) ? origin.lastIndexOf('-', origin.lastIndexOf('@')) : -1;
        return (dash > 0) ? origin.substring(0, dash) : null;
    }

    /** The value's size in bytes (0 for none). */
    public int size() {
        return (this.record.value() != null) ? this.record.value().length : 0;
    }

    /** The original record's headers: the dead-letter ones removed. */
    public Headers originalHeaders() {
        Headers headers = new RecordHeaders();
        for (Header header : this.record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }

    private String header(String name) {
        Header header = this.record.headers().lastHeader(name);
        return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
    }
}
