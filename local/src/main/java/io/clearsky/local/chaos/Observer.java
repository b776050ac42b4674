package io.clearsky.local.chaos;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.worker.ledger.QueryLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the status and answer topics from the beginning, as any downstream consumer would, and keeps per
 * query what reached it: every terminal event, every answer, and when the query ended. Read outside any
 * consumer group, across broker restarts.
 */
final class Observer implements AutoCloseable {

    /** What consumers saw of one query. */
    static final class Seen {

        final List<QueryEvent> terminalEvents = new ArrayList<>();

        final List<QueryAnswer> answers = new ArrayList<>();

        /** {@code System.nanoTime()} when its first terminal event was read; 0 while it has none. */
        volatile long endedAtNanos;

        boolean anyEvent;

        synchronized String terminalStatus() {
            return this.terminalEvents.isEmpty() ? null : this.terminalEvents.getFirst().getStatus().name();
        }

        synchronized QueryAnswer firstAnswer() {
            return this.answers.isEmpty() ? null : this.answers.getFirst();
        }
    }

    private final AvroSerde<QueryEvent> events = AvroSerde.queryEvent();

    private final AvroSerde<QueryAnswer> answers = AvroSerde.queryAnswer();

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private final AtomicInteger ended = new AtomicInteger();

    private final KafkaConsumer<String, byte[]> consumer;

    private final Thread reader;

    private volatile boolean running = true;

    Observer(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "clearsky-chaos-observer",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.QUERY_EVENTS, Topics.ANSWERS)) {
            this.consumer.partitionsFor(topic, Duration.ofSeconds(60))
                    .forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        this.consumer.assign(partitions);
        this.consumer.seekToBeginning(partitions);
        this.reader = Thread.ofPlatform().name("chaos-observer").start(this::read);
    }

    private void read() {
        try {
            while (this.running) {
                for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
                    take(record);
                }
            }
        }
        catch (WakeupException ex) {
            // close() asked us to stop.
        }
        finally {
            this.consumer.close(Duration.ofSeconds(5));
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        Seen query = this.seen.computeIfAbsent(record.key(), (id) -> new Seen());
        synchronized (query) {
            if (record.topic().equals(Topics.ANSWERS)) {
                query.answers.add(this.answers.deserialize(record.topic(), record.value()));
                return;
            }
            QueryEvent event = this.events.deserialize(record.topic(), record.value());
            query.anyEvent = true;
            if (QueryLedger.isTerminal(event.getStatus())) {
                query.terminalEvents.add(event);
                if (query.endedAtNanos == 0) {
                    query.endedAtNanos = System.nanoTime();
                    this.ended.incrementAndGet();
                }
            }
        }
    }

    /** What was seen of a query, or null when nothing was. */
    Seen of(String queryId) {
        return this.seen.get(queryId);
    }

    boolean ended(String queryId) {
        Seen query = this.seen.get(queryId);
        return query != null && query.endedAtNanos != 0;
    }

    /** Queries with a terminal event so far, whoever submitted them. */
    int endedCount() {
        return this.ended.get();
    }

    /** Query ids seen on the topics, for finding queries nobody here submitted. */
    Iterable<String> ids() {
        return this.seen.keySet();
    }

    @Override
    public void close() {
        this.running = false;
        this.consumer.wakeup();
        try {
            this.reader.join(10_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
