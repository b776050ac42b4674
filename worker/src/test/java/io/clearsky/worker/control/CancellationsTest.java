package io.clearsky.worker.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.QueryCancelRequested;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Cancel requests: stopping what runs here, remembering the rest for a while, and skipping records that
 * are not requests.
 */
class CancellationsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final Cancellations cancellations = new Cancellations(Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRunningQueryIsStoppedWhenItsRequestArrives() {
        AtomicInteger stops = new AtomicInteger();
        try (Cancellations.Registration running = this.cancellations.track("q-1", stops::incrementAndGet)) {
            this.cancellations.request("q-2", NOW);
            this.cancellations.request("q-1", NOW);
        }

        assertThat(stops).hasValue(1);
    }

    @Test
    void aRequestForAQueryNotYetRunningStopsItAsSoonAsItStarts() {
        AtomicInteger stops = new AtomicInteger();
        this.cancellations.request("q-1", NOW.minusSeconds(60));

        this.cancellations.track("q-1", stops::incrementAndGet).close();

        assertThat(this.cancellations.requested("q-1")).isTrue();
        assertThat(stops).hasValue(1);
    }

    @Test
    void requestsOlderThanTheMemoryAreIgnored() {
        this.cancellations.request("q-1", NOW.minus(Duration.ofMinutes(11)));

        assertThat(this.cancellations.requested("q-1")).isFalse();
    }

    @Test
    void theReaderAppliesRequestsAndSkipsRecordsThatAreNotRequests() {
        CancelRequestReader reader = new CancelRequestReader(this.cancellations);
        QueryCancelRequested request = QueryCancelRequested.newBuilder().setQueryId("q-7").setRequestedAt(NOW).build();

        reader.accept(record("q-7", AvroSerde.queryCancelRequested().serialize(Topics.QUERY_CONTROL, request)));
        reader.accept(record("q-8", "{\"cancel\": true}".getBytes(StandardCharsets.UTF_8)));
        reader.accept(record("q-9", null));

        assertThat(this.cancellations.requested("q-7")).isTrue();
        assertThat(this.cancellations.requested("q-8")).isFalse();
        assertThat(this.cancellations.requested("q-9")).isFalse();
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.QUERY_CONTROL, 0, 0, key, value);
    }
}
