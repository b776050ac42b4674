package io.clearsky.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clearsky.core.lake.DemoLake;
import io.clearsky.schemas.DlqHeaders;
import io.clearsky.schemas.SchemaHistory;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.registry.RegistrySettings;
import io.clearsky.schemas.registry.RegistryStandIn;
import io.clearsky.schemas.registry.SchemaRegistryClient;
import io.clearsky.worker.follow.TopicWindow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local product in registry mode (a Confluent REST stand-in on loopback) answering questions that
 * other systems publish the ways Kafka shops do: JSON with {@code kcat} and with Python's
 * confluent-kafka (the shipped examples under {@code examples/}), and Confluent-wire Avro written the
 * way a stock serializer writes it. Answers are read back the way a stock deserializer reads them.
 */
class PublishingExamplesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    private static RegistryStandIn registry;

    private static EmbeddedBroker broker;

    private static ConfigurableApplicationContext product;

    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        registry = new RegistryStandIn();
        Path data = Files.createTempDirectory("clearsky-publishing-it");
        Path lake = data.resolve("lake/demo.duckdb");
        DemoLake.createIfMissing(lake, 1_000);
        broker = EmbeddedBroker.start(data.resolve("kafka"), freePort());
        product = new SpringApplicationBuilder(LocalApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--spring.kafka.streams.state-dir=" + data.resolve("streams"),
                        "--clearsky.lake.duckdb-path=" + lake,
                        "--clearsky.topics.partitions=1",
                        "--clearsky.schema.registry.url=" + registry.url(),
                        "--server.port=" + freePort(),
                        "--server.address=127.0.0.1",
                        "--spring.main.web-application-type=reactive");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        product.close();
        broker.close();
        registry.close();
    }

    @Test
    void productRegistersItsSchemasUnderTopicNameSubjects() {
        assertThat(registry.versions(Topics.QUESTIONS + "-value")).isNotEmpty();
        assertThat(registry.versions(Topics.QUERY_EVENTS + "-value")).isNotEmpty();
        assertThat(registry.versions(Topics.ANSWERS + "-value")).isNotEmpty();
    }

    @Test
    void jsonQuestionPublishedWithTheKcatExampleIsAnswered() throws Exception {
        assumeTrue(onPath("kcat"), "kcat is not installed (Debian package kcat; .ci/run installs it)");
        String id = UUID.randomUUID().toString();

        String out = run(Map.of("BROKER", broker.bootstrapServers(), "QUERY_ID", id),
                "sh", EXAMPLES.resolve("kcat/publish-question.sh").toString(), "How many customers are there?");

        assertThat(out.trim()).isEqualTo(id);
        assertThat(stockRead(awaitRecord(Topics.ANSWERS, id)).get("status")).hasToString("SUCCEEDED");
    }

    @Test
    void jsonQuestionPublishedWithThePythonExampleIsAnswered() throws Exception {
        assumeTrue(succeeds("/usr/bin/python3", "-c", "import confluent_kafka"),
                "python3-confluent-kafka is not installed (Debian package; .ci/run installs it)");

        String out = run(Map.of(), "/usr/bin/python3", EXAMPLES.resolve("python/publish_question.py").toString(),
                "--bootstrap", broker.bootstrapServers(), "How many products are there?");

        assertThat(out).contains("published").contains("answered");
        String id = out.lines().filter((l) -> l.startsWith("published ")).findFirst().orElseThrow().substring(10);
        assertThat(stockRead(awaitRecord(Topics.ANSWERS, id)).get("status")).hasToString("SUCCEEDED");
    }

    @Test
    void confluentWireQuestionIsAnsweredAndTheAnswerIsReadableByAStockDeserializer() throws Exception {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(registry.url()));
        Schema schema = QuestionSubmitted.getClassSchema();
        int id = client.register(Topics.QUESTIONS + "-value", schema);
        String queryId = UUID.randomUUID().toString();

        send(queryId, stockWrite(id, schema, question(schema, queryId, "How many orders are there?")));

        GenericRecord answer = stockRead(awaitRecord(Topics.ANSWERS, queryId));
        assertThat(answer.get("status")).hasToString("SUCCEEDED");
        assertThat(answer.get("sql").toString()).containsIgnoringCase("orders");
        assertThat(answer.getSchema().getFullName()).isEqualTo("io.clearsky.schemas.avro.QueryAnswer");
    }

    @Test
    void questionFromAnOldProducerWaitsOutARegistryThatIsDownAndIsAnswered() throws Exception {
        Schema v1 = SchemaHistory.versions("QuestionSubmitted").get(0);
        int id = registry.register(Topics.QUESTIONS + "-value", v1);
        String queryId = UUID.randomUUID().toString();
        registry.down(true);
        try {
            int before = registry.requests();
            send(queryId, stockWrite(id, v1, question(v1, queryId, "How many regions are there?")));
            // The worker keeps asking for the unknown id instead of giving the question up.
            await().atMost(PATIENCE).until(() -> registry.requests() >= before + 3);
            assertThat(records(Topics.QUESTIONS_DLQ, queryId)).isEmpty();
        }
        finally {
            registry.down(false);
        }

        assertThat(stockRead(awaitRecord(Topics.ANSWERS, queryId)).get("status")).hasToString("SUCCEEDED");
        assertThat(records(Topics.QUESTIONS_DLQ, queryId)).isEmpty();
    }

    @Test
    void recordsInNoFormatOrBreakingTheJsonSchemaAreDeadLetteredWithTheirReason() {
        String garbage = UUID.randomUUID().toString();
        String badJson = UUID.randomUUID().toString();
        String unknownId = UUID.randomUUID().toString();
        send(garbage, new byte[] {7, 7, 7});
        send(badJson, ("{\"queryId\":\"" + badJson + "\",\"question\":\"x\",\"submittedAt\":1}").getBytes(StandardCharsets.UTF_8));
        send(unknownId, ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(0).array());

        assertThat(reason(garbage)).contains("no accepted format");
        assertThat(reason(badJson)).isEqualTo("sessionId is required");
        assertThat(reason(unknownId)).contains("schema id 987654");
    }

    private static String reason(String key) {
        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.QUESTIONS_DLQ, key);
        return new String(dead.headers().lastHeader(DlqHeaders.REASON).value(), StandardCharsets.UTF_8);
    }

    private static GenericData.Record question(Schema schema, String queryId, String text) {
        GenericData.Record question = new GenericData.Record(schema);
        question.put("queryId", queryId);
        question.put("sessionId", "stock-" + queryId);
        question.put("question", text);
        question.put("submittedAt", System.currentTimeMillis());
        return question;
    }

    /** What a stock Confluent-wire serializer writes: magic 0, the 4-byte id, plain Avro binary. */
    private static byte[] stockWrite(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** What a stock deserializer does: check the magic byte, fetch the writer schema by id, read generically. */
    private static GenericRecord stockRead(ConsumerRecord<String, byte[]> record) throws IOException {
        byte[] bytes = record.value();
        assertThat(bytes[0]).as("magic byte").isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writer = new SchemaRegistryClient(RegistrySettings.of(registry.url())).schemaById(id);
        return new GenericDatumReader<GenericRecord>(writer)
            .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    }

    private static void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.QUESTIONS, key, value)).get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return await().atMost(PATIENCE).until(() -> records(topic, key).stream().findFirst(), Optional::isPresent).get();
    }

    private static List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> end = TopicWindow.assignSince(consumer, topic, Instant.EPOCH);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (end.keySet().stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    /** Runs a command to its end, expecting success; returns its output. */
    private static String run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish: " + out);
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + " -> " + out).isZero();
        return out;
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch((dir) -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
