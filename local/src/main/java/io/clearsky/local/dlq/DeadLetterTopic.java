package io.clearsky.local.dlq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The questions' dead-letter topic as an operator sees it: every record in it, and a replay that
 * publishes chosen ones back to their source topic exactly as they arrived there (key, value and
 * headers, whatever the value's format), without the dead-letter headers. Reading uses no consumer
 * group, so listing never moves anyone's offsets; replay leaves the dead letters in place.
 */
public final class DeadLetterTopic {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientProperties;

    private final String topic;

    /**
     * @param clientProperties Kafka client settings ({@code bootstrap.servers}, security)
     * @param topic the dead-letter topic
     */
    public DeadLetterTopic(Map<String, Object> clientProperties, String topic) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.topic = topic;
    }

    /** The dead letters now in the topic with one of these ids (all of them when {@code ids} is empty). */
    public List<DeadLetter> list(Set<String> ids) {
        return list((letter) -> ids.isEmpty() || ids.contains(letter.id()));
    }

    private List<DeadLetter> list(Predicate<DeadLetter> selected) {
        Map<String, Object> properties = new HashMap<>(this.clientProperties);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "clearsky-dlq-reader");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(this.topic, READ_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return letters;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            Instant giveUpAt = Instant.now().plus(READ_TIMEOUT);
            while (!readTo(consumer, ends)) {
                if (Instant.now().isAfter(giveUpAt)) {
                    throw new KafkaException("Could not read " + this.topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    DeadLetter letter = new DeadLetter(record.partition(), record.offset(), record);
                    if (selected.test(letter)) {
                        letters.add(letter);
                    }
                }
            }
        }
        return letters;
    }

    /**
     * Publishes each letter back to its source topic, waiting for every acknowledgement.
     *
     * @return the letters replayed; letters without a readable origin are left out
     */
    public List<DeadLetter> replay(List<DeadLetter> letters) {
        Map<String, Object> properties = new HashMap<>(this.clientProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "clearsky-dlq-replay");
        List<DeadLetter> replayed = new ArrayList<>();
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (DeadLetter letter : letters) {
                String source = letter.sourceTopic();
                if (source == null) {
                    continue;
                }
                ProducerRecord<byte[], byte[]> original = new ProducerRecord<>(source, null, letter.record().key(),
                        letter.record().value(), letter.originalHeaders());
                producer.send(original).get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                replayed.add(letter);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while replaying dead letters", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new KafkaException("Replay stopped: " + ex.getMessage(), ex);
        }
        return replayed;
    }

    private static boolean readTo(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
    }
}
