package io.clearsky.core.config.sync;

import io.clearsky.core.config.ClearSkyConfig;
import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.ConfigLoader;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.ConfigEvent;
import io.clearsky.schemas.avro.ConfigEventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps every gateway and worker instance on the same configuration revision through a compacted
 * topic. A reload validates the objects, then publishes only the new revision's number, fingerprint
 * and changed field paths (never values: some are secret). Every instance, this one included, reads
 * the objects from their source itself, installs them if their fingerprint matches, and answers
 * APPLIED or REFUSED under its own key; an instance that refuses keeps its previous revision.
 * <p>
 * At start-up an instance reads the topic to its end and joins the published revision when it loaded
 * the same content; when the source has changed since, it publishes the newer content as the next
 * revision, so the fleet converges on what the source holds.
 */
public final class ConfigSync implements SmartLifecycle {

    static final String REVISION_KEY = "revision";

    static final String INSTANCE_PREFIX = "instance/";

    private static final Logger logger = LoggerFactory.getLogger(ConfigSync.class);

    private static final Duration POLL = Duration.ofMillis(200);

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerProperties;

    private final Producer<String, byte[]> producer;

    private final String topic;

    private final String instance;

    private final String role;

    private final ConfigLoader loader;

    private final LiveConfig live;

    private final AvroSerde<ConfigEvent> serde = AvroSerde.configEvent();

    private final Map<String, InstanceState> instances = new ConcurrentHashMap<>();

    private final AtomicReference<ConfigEvent> latestPublished = new AtomicReference<>();

    private volatile boolean running;

    private volatile boolean joined;

    private volatile Consumer<String, byte[]> consumer;

    private Thread follower;

    /**
     * @param kafkaConsumerProperties connection settings; group and deserializers are set here
     * @param producer a durable producer of encoded values
     * @param topic the compacted config topic
     * @param instance this instance's unique, stable name
     * @param role this instance's application name
     */
    public ConfigSync(Map<String, Object> kafkaConsumerProperties, Producer<String, byte[]> producer, String topic,
            String instance, String role, ConfigLoader loader, LiveConfig live) {
        Map<String, Object> properties = new HashMap<>(kafkaConsumerProperties);
        // Every instance reads the whole topic on its own: no group, no commits.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "clearsky-config-" + instance);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties = properties;
        this.producer = producer;
        this.topic = topic;
        this.instance = instance;
        this.role = role;
        this.loader = loader;
        this.live = live;
    }

    public String instance() {
        return this.instance;
    }

    /** Whether this instance has read the topic to its end once and joined the fleet's revision. */
    public boolean joined() {
        return this.joined;
    }

    /** What every known instance last said, this one included, sorted by name. */
    public List<InstanceState> instances() {
        return this.instances.values().stream().sorted(Comparator.comparing(InstanceState::instance)).toList();
    }

    /**
     * Re-reads both objects, validates them and, when they changed, publishes them as the next
     * revision and waits up to {@code wait} for every known instance to answer.
     *
     * @throws ConfigException when the objects cannot be read or are invalid; nothing is published
     */
    public ReloadResult reload(Duration wait) {
        ClearSkyConfig fresh = this.loader.load();
        String fingerprint = fresh.fingerprint();
        LiveConfig.Revision now = this.live.revision();
        if (fingerprint.equals(now.fingerprint())) {
            return result(now.number(), fingerprint, List.of(), known());
        }
        List<String> changed = fresh.changesFrom(now.config());
        ConfigEvent published = this.latestPublished.get();
        long next = Math.max(now.number(), (published != null) ? published.getRevision() : 0) + 1;
        Set<String> expected = known();
        publish(next, fingerprint, changed, "reload requested at " + this.instance);
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && !answeredBy(expected, next)) {
            try {
                Thread.sleep(25);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return result(next, fingerprint, changed, expected);
    }

    private Set<String> known() {
        Set<String> known = new LinkedHashSet<>(this.instances.keySet());
        known.add(this.instance);
        return known;
    }

    private boolean answeredBy(Set<String> expected, long revision) {
        return expected.stream().allMatch((name) -> {
            InstanceState state = this.instances.get(name);
            return state != null && state.revision() >= revision;
        });
    }

    private ReloadResult result(long revision, String fingerprint, List<String> changed, Set<String> expected) {
        List<InstanceState> acknowledged = new ArrayList<>();
        List<InstanceState> pending = new ArrayList<>();
        for (InstanceState state : instances()) {
            if (state.revision() >= revision) {
                acknowledged.add(state);
            }
            else if (expected.contains(state.instance())) {
                pending.add(state);
            }
        }
        return new ReloadResult(revision, fingerprint, changed, acknowledged, pending);
    }

    @Override
    public void start() {
        this.running = true;
        this.follower = Thread.ofPlatform().daemon().name("clearsky-config-sync").start(this::follow);
    }

    @Override
    public void stop() {
        this.running = false;
        Consumer<String, byte[]> active = this.consumer;
        if (active != null) {
            active.wakeup();
        }
        try {
            this.follower.join(SEND_TIMEOUT.toMillis());
            // Leave the fleet: a stopped instance is no longer waited for by reloads.
            this.producer.send(new ProducerRecord<>(this.topic, INSTANCE_PREFIX + this.instance, null))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException ex) {
            logger.warn("Could not tell the fleet that {} stopped: {}", this.instance, ex.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    private void follow() {
        while (this.running) {
            try (Consumer<String, byte[]> session = new KafkaConsumer<>(this.consumerProperties)) {
                this.consumer = session;
                readTopic(session);
            }
            catch (WakeupException ex) {
                // stop() asked us to end
            }
            catch (RuntimeException ex) {
                logger.warn("Configuration topic {} unavailable, retrying: {}", this.topic, ex.getMessage());
                pause();
            }
            finally {
                this.consumer = null;
            }
        }
    }

    private void readTopic(Consumer<String, byte[]> session) {
        TopicPartition partition = new TopicPartition(this.topic, 0);
        session.assign(List.of(partition));
        session.seekToBeginning(List.of(partition));
        long end = session.endOffsets(List.of(partition)).get(partition);
        boolean catchingUp = true;
        while (this.running) {
            if (catchingUp && session.position(partition) >= end) {
                catchingUp = false;
                if (!this.joined) {
                    join();
                    this.joined = true;
                }
                else {
                    // Back after an outage: follow whatever was published meanwhile.
                    ConfigEvent latest = this.latestPublished.get();
                    if (latest != null) {
                        apply(latest);
                    }
                }
            }
            for (ConsumerRecord<String, byte[]> record : session.poll(POLL)) {
                handle(record, catchingUp);
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record, boolean catchingUp) {
        String key = (record.key() != null) ? record.key() : "";
        ConfigEvent event;
        try {
            event = this.serde.deserialize(record.topic(), record.value());
        }
        catch (SerializationException ex) {
            logger.warn("Skipping unreadable record at offset {} of {}: {}", record.offset(), this.topic, ex.getMessage());
            return;
        }
        if (key.startsWith(INSTANCE_PREFIX)) {
            String name = key.substring(INSTANCE_PREFIX.length());
            if (event == null) {
                this.instances.remove(name);
            }
            else {
                this.instances.put(name, new InstanceState(name, event.getRole(), event.getRevision(),
                        event.getKind().name(), event.getMessage(), event.getEmittedAt()));
            }
        }
        else if (key.equals(REVISION_KEY) && event != null && event.getKind() == ConfigEventKind.PUBLISHED) {
            this.latestPublished.accumulateAndGet(event,
                    (before, next) -> (before == null || next.getRevision() > before.getRevision()) ? next : before);
            if (!catchingUp) {
                apply(event);
            }
        }
    }

    /** First catch-up done: run the fleet's revision, or publish ours when the source holds newer content. */
    private void join() {
        ConfigEvent latest = this.latestPublished.get();
        LiveConfig.Revision mine = this.live.revision();
        if (latest != null && latest.getFingerprint().equals(mine.fingerprint())) {
            this.live.install(latest.getRevision(), mine.config());
            answer(ConfigEventKind.APPLIED, latest.getRevision(), null);
        }
        else {
            long next = (latest != null) ? latest.getRevision() + 1 : 1;
            publish(next, mine.fingerprint(), List.of(), (latest != null)
                    ? "published at start-up by " + this.instance + ": the source differs from revision "
                            + latest.getRevision()
                    : "first revision, published at start-up by " + this.instance);
        }
    }

    private void apply(ConfigEvent event) {
        LiveConfig.Revision now = this.live.revision();
        long revision = event.getRevision();
        if (revision <= now.number()) {
            return;
        }
        if (event.getFingerprint().equals(now.fingerprint())) {
            this.live.install(revision, now.config());
            answer(ConfigEventKind.APPLIED, revision, null);
            return;
        }
        try {
            ClearSkyConfig fresh = this.loader.load();
            if (!fresh.fingerprint().equals(event.getFingerprint())) {
                refuse(revision, "the configuration objects changed again after revision " + revision
                        + " was published; reload again");
                return;
            }
            this.live.install(revision, fresh);
            logger.info("Configuration revision {} applied; changed: {}", revision, event.getChanged());
            answer(ConfigEventKind.APPLIED, revision, null);
        }
        catch (ConfigException ex) {
            refuse(revision, ex.getMessage());
        }
    }

    private void refuse(long revision, String reason) {
        logger.warn("Configuration revision {} refused, keeping revision {}: {}", revision,
                this.live.revision().number(), reason);
        answer(ConfigEventKind.REFUSED, revision, reason);
    }

    private void publish(long revision, String fingerprint, List<String> changed, String note) {
        send(REVISION_KEY, event(ConfigEventKind.PUBLISHED, revision, fingerprint, changed, note));
    }

    private void answer(ConfigEventKind kind, long revision, String message) {
        send(INSTANCE_PREFIX + this.instance,
                event(kind, revision, this.live.revision().fingerprint(), List.of(), message));
    }

    private ConfigEvent event(ConfigEventKind kind, long revision, String fingerprint, List<String> changed,
            String message) {
        return ConfigEvent.newBuilder().setKind(kind).setRevision(revision).setFingerprint(fingerprint)
                .setInstance(this.instance).setRole(this.role).setChanged(new ArrayList<>(changed))
                .setMessage(message).setEmittedAt(Instant.now()).build();
    }

    private void send(String key, ConfigEvent event) {
        try {
            this.producer.send(new ProducerRecord<>(this.topic, key, this.serde.serialize(this.topic, event)))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing configuration revision", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Cannot publish to " + this.topic + ": " + ex.getMessage(), ex);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
