package io.clearsky.worker.control;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.QueryCancelRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every partition of the control topic outside any consumer group, because the question a
 * request refers to may be with any worker. On start it reads back as far as requests are remembered,
 * so a worker that starts while a question waits still sees its cancel request.
 *
 * <p>An unreadable record is logged and skipped rather than dead-lettered: every worker reads every
 * record, so each would put its own copy in the dead-letter topic.
 */
public final class CancelListener implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(CancelListener.class);

    private final AvroSerde<QueryCancelRequested> serde = AvroSerde.queryCancelRequested();

    private final Map<String, Object> consumerProperties;

    private final String topic;

    private final Duration lookback;

    private final Cancellations cancellations;

    private volatile boolean running;

    private volatile Consumer<String, byte[]> consumer;

    private Thread pollThread;

    public CancelListener(Map<String, Object> consumerProperties, String topic, Duration lookback,
            Cancellations cancellations) {
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.topic = topic;
        this.lookback = lookback;
        this.cancellations = cancellations;
    }

    @Override
    public synchronized void start() {
        if (this.running) {
            return;
        }
        this.running = true;
        this.consumer = new KafkaConsumer<>(this.consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        this.pollThread = Thread.ofPlatform().name("clearsky-cancel-listener").daemon().start(this::pollLoop);
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            if (!this.running) {
                return;
            }
            this.running = false;
            thread = this.pollThread;
        }
        this.consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        // Up before the question consumer starts running queries.
        return Integer.MAX_VALUE - 200;
    }

    private void pollLoop() {
        try (Consumer<String, byte[]> consumer = this.consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(this.topic).stream()
                    .map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            seekToLookback(consumer, partitions);
            while (this.running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
            }
        }
        catch (WakeupException ex) {
            // stop() asked the loop to end.
        }
        catch (RuntimeException ex) {
            logger.error("Reading cancel requests from {} stopped; running queries can no longer be cancelled", this.topic, ex);
        }
    }

    private void seekToLookback(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        long since = Instant.now().minus(this.lookback).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach((partition) -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            consumer.seek(partition, (offset != null) ? offset.offset() : ends.get(partition));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
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
