package io.clearsky.worker.intake;

import io.clearsky.worker.ledger.LedgerRecovery;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the questions topic on one thread and hands each record to a virtual thread, keeping up to
 * {@code maxInFlight} records in work at once, across and within partitions, so slow model and engine
 * calls never hold a partition hostage. When all slots are busy it pauses fetching rather than
 * blocking the poll loop, so the consumer stays in its group. Offsets are committed only up to the
 * first unfinished record of each partition.
 */
public class QuestionConsumer implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(QuestionConsumer.class);

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final Map<String, Object> consumerProperties;

    private final String topic;

    private final RecordHandler handler;

    private final LedgerRecovery recovery;

    private final int maxPollRecords;

    private final Duration shutdownGrace;

    private final Semaphore slots;

    private final InFlightOffsets offsets = new InFlightOffsets();

    private volatile boolean running;

    private volatile Consumer<String, byte[]> consumer;

    private Thread pollThread;

    private ExecutorService workers;

    public QuestionConsumer(Map<String, Object> consumerProperties, String topic, RecordHandler handler,
            LedgerRecovery recovery, int maxInFlight, Duration shutdownGrace) {
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.maxPollRecords = Math.min(maxInFlight, 100);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, this.maxPollRecords);
        this.consumerProperties.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.topic = topic;
        this.handler = handler;
        this.recovery = recovery;
        this.shutdownGrace = shutdownGrace;
        this.slots = new Semaphore(maxInFlight);
    }

    @Override
    public synchronized void start() {
        if (this.running) {
            return;
        }
        this.running = true;
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("clearsky-query-", 0).factory());
        this.consumer = new KafkaConsumer<>(this.consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        this.pollThread = Thread.ofPlatform().name("clearsky-question-poller").start(this::pollLoop);
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
            thread.join(this.shutdownGrace.plusSeconds(10).toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        this.workers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        // Start after everything else (producers, topics) and stop first.
        return Integer.MAX_VALUE - 100;
    }

    private void pollLoop() {
        Consumer<String, byte[]> kafka = this.consumer;
        try {
            kafka.subscribe(List.of(this.topic), new Rebalance(kafka));
            while (this.running) {
                applyBackpressure(kafka);
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL_TIMEOUT)) {
                    dispatch(record);
                }
                commit(kafka, kafka.assignment(), false);
            }
        }
        catch (WakeupException ex) {
            // stop() woke us: fall through to the orderly shutdown below.
        }
        catch (RuntimeException ex) {
            logger.error("Question consumer stopped by an unexpected error", ex);
        }
        finally {
            awaitUnfinished(kafka, kafka.assignment());
            commit(kafka, kafka.assignment(), true);
            kafka.close(Duration.ofSeconds(5));
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        this.offsets.started(partition, record.offset());
        this.slots.acquireUninterruptibly();
        this.workers.execute(() -> {
            try {
                this.handler.handle(record);
            }
            catch (RuntimeException ex) {
                logger.error("Question record {}-{}@{} could not be handled", record.topic(), record.partition(),
                        record.offset(), ex);
            }
            finally {
                this.offsets.finished(partition, record.offset());
                this.slots.release();
            }
        });
    }

    /** Pauses fetching while a full batch would not fit into the free slots; resumes when it would. */
    private void applyBackpressure(Consumer<String, byte[]> kafka) {
        if (this.slots.availablePermits() < this.maxPollRecords) {
            kafka.pause(kafka.assignment());
        }
        else if (!kafka.paused().isEmpty()) {
            kafka.resume(kafka.paused());
        }
    }

    private void commit(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> ready = this.offsets.committable(partitions);
        if (ready.isEmpty()) {
            return;
        }
        try {
            if (sync) {
                kafka.commitSync(ready);
                this.offsets.markCommitted(ready);
            }
            else {
                kafka.commitAsync(ready, (committed, ex) -> {
                    if (ex == null) {
                        this.offsets.markCommitted(committed);
                    }
                    else {
                        logger.warn("Offset commit failed; it will be retried: {}", ex.getMessage());
                    }
                });
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Offset commit failed: {}", ex.getMessage());
        }
    }

    /** Waits, up to the shutdown grace, for the records of these partitions to finish. */
    private void awaitUnfinished(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        Instant giveUpAt = Instant.now().plus(this.shutdownGrace);
        while (this.offsets.unfinished(partitions) > 0 && Instant.now().isBefore(giveUpAt)) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int left = this.offsets.unfinished(partitions);
        if (left > 0) {
            logger.warn("{} questions still running after {}; they may run again on the next owner", left,
                    this.shutdownGrace);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> kafka;

        Rebalance(Consumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            awaitUnfinished(this.kafka, partitions);
            commit(this.kafka, partitions, true);
            QuestionConsumer.this.offsets.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            QuestionConsumer.this.offsets.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                QuestionConsumer.this.recovery.recover();
            }
        }
    }
}
