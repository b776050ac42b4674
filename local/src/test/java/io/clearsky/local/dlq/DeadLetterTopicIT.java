package io.clearsky.local.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.kafka.DurableProducers;
import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.local.EmbeddedBroker;
import io.clearsky.local.FreePorts;
import io.clearsky.schemas.ContractSerdes;
import io.clearsky.schemas.DlqHeaders;
import io.clearsky.schemas.Topics;
import io.clearsky.worker.intake.DeadLetterPublisher;
import io.clearsky.worker.pipeline.OutcomePublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker's dead-lettering against a real broker, then listing and replaying what it wrote: the
 * replayed record is the original, byte for byte, with its own headers and without the dead-letter ones.
 */
class DeadLetterTopicIT {

    private static EmbeddedBroker broker;

    private static Map<String, Object> client;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("clearsky-dlq-it");
        broker = EmbeddedBroker.start(data.resolve("kafka"), FreePorts.free());
        client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(Topics.QUESTIONS, 3, (short) 1),
                    new NewTopic(Topics.QUESTIONS_DLQ, 3, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void deadLetterIsListedWithItsReasonAndReplayedAsTheOriginalRecord() throws Exception {
        byte[] poison = { (byte) 0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 'x' };
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        try (Producer<String, byte[]> producer = DurableProducers.create(client, "dlq-it")) {
            producer.send(new ProducerRecord<>(Topics.QUESTIONS, null, "poison-1", poison, headers)).get();
            producer.send(new ProducerRecord<>(Topics.QUESTIONS, null, "poison-2", poison, headers)).get();
            DeadLetterPublisher deadLetters = new DeadLetterPublisher(new OutcomePublisher(producer,
                    new TopicProperties(null, null, null, null, null, null, null, null, null, null, null),
                    ContractSerdes.singleObject()),
                    new TopicProperties(null, null, null, null, null, null, null, null, null, null, null));
            for (ConsumerRecord<String, byte[]> record : readAll(Topics.QUESTIONS, 2)) {
                deadLetters.send(record, "UNREADABLE_RECORD", "unknown schema fingerprint");
            }
        }
        DeadLetterTopic dlq = new DeadLetterTopic(client, Topics.QUESTIONS_DLQ);

        List<DeadLetter> all = dlq.list(Set.of());
        assertThat(all).extracting(DeadLetter::id).containsExactlyInAnyOrder("poison-1", "poison-2");
        assertThat(all).allSatisfy((letter) -> {
            assertThat(letter.reasonCode()).isEqualTo("UNREADABLE_RECORD");
            assertThat(letter.reason()).isEqualTo("unknown schema fingerprint");
            assertThat(letter.sourceTopic()).isEqualTo(Topics.QUESTIONS);
        });

        List<DeadLetter> replayed = dlq.replay(dlq.list(Set.of("poison-2")));
        assertThat(replayed).extracting(DeadLetter::id).containsExactly("poison-2");
        List<ConsumerRecord<String, byte[]>> questions = readAll(Topics.QUESTIONS, 3);
        ConsumerRecord<String, byte[]> again = questions.stream()
                .filter((record) -> record.key().equals("poison-2")).reduce((first, second) -> second).orElseThrow();
        assertThat(questions).filteredOn((record) -> record.key().equals("poison-2")).hasSize(2);
        assertThat(again.value()).isEqualTo(poison);
        assertThat(new String(again.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-abc-def-01");
        assertThat(again.headers().lastHeader(DlqHeaders.REASON)).isNull();
        assertThat(again.headers().lastHeader(DlqHeaders.ORIGIN)).isNull();
        assertThat(dlq.list(Set.of())).hasSize(2);
    }

    /** The first {@code count} records of a topic, read without a consumer group. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map((info) -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            for (int polls = 0; records.size() < count && polls < 300; polls++) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
