package io.clearsky.worker.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every partition of one topic outside any consumer group, starting {@code lookback} back, and
 * hands each record to a handler on its own thread. For state every worker needs whole: which queries
 * someone asked to stop, and what earlier questions of a session were answered with.
 */
public final class TopicFollower implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(TopicFollower.class);

    private final Map<String, Object> consumerProperties;

    private final String topic;

    private final Duration lookback;

    private final Consumer<ConsumerRecord<String, byte[]>> handler;

    private volatile boolean running;

    private volatile org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;

    private Thread pollThread;

    public TopicFollower(Map<String, Object> consumerProperties, String topic, Duration lookback,
            Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.consumerProperties = TopicWindow.ungrouped(consumerProperties);
        this.topic = topic;
        this.lookback = lookback;
        this.handler = handler;
    }

    @Override
    public synchronized void start() {
        if (this.running) {
            return;
        }
        this.running = true;
        this.consumer = new KafkaConsumer<>(this.consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        this.pollThread = Thread.ofPlatform().name("clearsky-follow-" + this.topic).daemon().start(this::pollLoop);
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
        try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer = this.consumer) {
            TopicWindow.assignSince(consumer, this.topic, Instant.now().minus(this.lookback));
            while (this.running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    this.handler.accept(record);
                }
            }
        }
        catch (WakeupException ex) {
            // stop() asked the loop to end.
        }
        catch (RuntimeException ex) {
            logger.error("Following {} stopped", this.topic, ex);
        }
    }
}
