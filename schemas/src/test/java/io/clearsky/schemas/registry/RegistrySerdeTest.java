package io.clearsky.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.ContractSerdes;
import io.clearsky.schemas.SchemaHistory;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistrySerdeTest {

    private final RegistryStandIn registry = new RegistryStandIn();

    private final SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(this.registry.url()));

    private final ContractSerdes serdes = ContractSerdes.registry(this.client, SubjectNaming.TOPIC_NAME, Duration.ofMinutes(1));

    @AfterEach
    void stopRegistry() {
        this.registry.close();
    }

    @Test
    void answerIsWrittenInConfluentWireFormatAndReadableByAStockStyleConsumer() throws Exception {
        byte[] bytes = this.serdes.answers().serializer().serialize("clearsky.answers", answer("q-1"));

        assertThat(bytes[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(this.registry.versions("clearsky.answers-value")).containsExactly(id);
        // A stock consumer: schema by id over REST, plain Avro, no ClearSky classes.
        Schema writer = new SchemaRegistryClient(RegistrySettings.of(this.registry.url())).schemaById(id);
        GenericRecord read = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(read.get("queryId")).hasToString("q-1");
        assertThat(read.get("status")).hasToString("SUCCEEDED");
    }

    @Test
    void schemaIdsAreCachedSoTheRegistryIsAskedOnce() {
        this.serdes.answers().serializer().serialize("clearsky.answers", answer("q-1"));
        int afterFirst = this.registry.requests();

        byte[] second = this.serdes.answers().serializer().serialize("clearsky.answers", answer("q-2"));
        QueryAnswer read = this.serdes.answers().deserializer().deserialize("clearsky.answers", second);

        assertThat(read.getQueryId()).isEqualTo("q-2");
        assertThat(this.registry.requests()).isEqualTo(afterFirst);
    }

    @Test
    void readerAcceptsSingleObjectRecordsWrittenBeforeRegistryMode() {
        byte[] old = AvroSerde.queryAnswer().serialize("clearsky.answers", answer("q-old"));

        assertThat(this.serdes.answers().deserializer().deserialize("clearsky.answers", old).getQueryId()).isEqualTo("q-old");
    }

    @Test
    void oldProducerRecordIsResolvedAgainstTheNewReaderSchema() {
        Schema v1 = SchemaHistory.versions("QuestionSubmitted").get(0);
        int id = this.registry.register("clearsky.questions-value", v1);
        org.apache.avro.generic.GenericData.Record old = new org.apache.avro.generic.GenericData.Record(v1);
        old.put("queryId", "q-v1");
        old.put("sessionId", "s");
        old.put("question", "How many orders?");
        old.put("submittedAt", 1L);
        byte[] bytes = stockProducerBytes(id, v1, old);

        QuestionSubmitted read = this.serdes.questions().deserializer().deserialize("clearsky.questions", bytes);

        assertThat(read.getQueryId()).isEqualTo("q-v1");
        assertThat(read.getPrincipal()).isNull();
        assertThat(read.getSql()).isNull();
    }

    @Test
    void newProducerRecordIsReadableWithTheOldReaderSchema() throws Exception {
        byte[] bytes = this.serdes.questions().serializer().serialize("clearsky.questions",
                QuestionSubmitted.newBuilder().setQueryId("q-new").setSessionId("s").setQuestion("Orders?")
                        .setSql("SELECT 1").setSubmittedAt(Instant.ofEpochMilli(5)).build());
        Schema writer = this.client.schemaById(ByteBuffer.wrap(bytes, 1, 4).getInt());
        Schema v1 = SchemaHistory.versions("QuestionSubmitted").get(0);

        GenericRecord read = new GenericDatumReader<GenericRecord>(writer, v1)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

        assertThat(read.get("queryId")).hasToString("q-new");
        assertThat(read.getSchema().getField("sql")).isNull();
    }

    @Test
    void incompatibleSubjectStopsStartUpWithAMessageNamingTheSubject() {
        Schema unrelated = SchemaBuilder.record("QueryAnswer").namespace("elsewhere").fields()
                .requiredInt("count").endRecord();
        this.registry.register("clearsky.answers-value", unrelated);

        assertThatThrownBy(() -> this.serdes.registerAtStartup("clearsky.questions", "clearsky.query-events",
                "clearsky.answers"))
            .isInstanceOf(SchemaRejectedException.class)
            .hasMessageContaining("subject 'clearsky.answers-value'")
            .hasMessageContaining("not compatible");
    }

    @Test
    void producerWaitsForARegistryThatIsDownAndWritesOnceItIsBack() throws Exception {
        this.registry.down(true);
        this.serdes.registerAtStartup("clearsky.questions", "clearsky.query-events", "clearsky.answers");
        CompletableFuture<byte[]> write = CompletableFuture.supplyAsync(
                () -> this.serdes.answers().serializer().serialize("clearsky.answers", answer("q-wait")));
        while (this.registry.requests() < 3) {
            Thread.sleep(20);
        }
        assertThat(write).isNotDone();

        this.registry.down(false);

        byte[] bytes = write.get();
        assertThat(this.serdes.answers().deserializer().deserialize("clearsky.answers", bytes).getQueryId())
            .isEqualTo("q-wait");
    }

    @Test
    void registryDownWithNoBudgetLeftFailsTheWriteAsRetriable() {
        this.registry.down(true);
        ContractSerdes impatient = ContractSerdes.registry(this.client, SubjectNaming.TOPIC_NAME, Duration.ZERO);

        assertThatThrownBy(() -> impatient.answers().serializer().serialize("clearsky.answers", answer("q")))
            .isInstanceOf(RegistryUnavailableException.class)
            .hasMessageContaining("503");
    }

    @Test
    void basicAndBearerCredentialsAreSentAndNeverShown() {
        this.registry.requireAuthorization("Basic " + java.util.Base64.getEncoder().encodeToString("team:s3cret".getBytes()));
        RegistrySettings basic = new RegistrySettings(URI.create(this.registry.url()), "team", "s3cret", null, null, null);
        assertThat(new SchemaRegistryClient(basic).register("clearsky.answers-value", QueryAnswer.getClassSchema())).isPositive();
        assertThat(basic.toString()).doesNotContain("s3cret").contains("Basic");

        this.registry.requireAuthorization("Bearer t0ken");
        RegistrySettings bearer = new RegistrySettings(URI.create(this.registry.url()), null, null, "t0ken", null, null);
        assertThat(new SchemaRegistryClient(bearer).register("clearsky.answers-value", QueryAnswer.getClassSchema())).isPositive();
        assertThat(bearer.toString()).doesNotContain("t0ken");

        assertThatThrownBy(() -> this.client.register("x-value", QueryAnswer.getClassSchema()))
            .isInstanceOf(SchemaRejectedException.class)
            .hasMessageContaining("401").hasMessageContaining("credentials");
    }

    @Test
    void subjectNamingStrategiesNameSubjectsLikeConfluents() {
        Schema schema = QueryAnswer.getClassSchema();
        assertThat(List.of(SubjectNaming.TOPIC_NAME.subject("t", schema), SubjectNaming.RECORD_NAME.subject("t", schema),
                SubjectNaming.TOPIC_RECORD_NAME.subject("t", schema)))
            .containsExactly("t-value", "io.clearsky.schemas.avro.QueryAnswer", "t-io.clearsky.schemas.avro.QueryAnswer");
    }

    /** What a stock Confluent-wire producer writes: magic 0, the id, the record in plain Avro binary. */
    static byte[] stockProducerBytes(int id, Schema schema, GenericRecord record) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            org.apache.avro.io.BinaryEncoder encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
            new org.apache.avro.generic.GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    static QueryAnswer answer(String queryId) {
        return QueryAnswer.newBuilder().setQueryId(queryId).setSessionId("s").setQuestion("Orders?")
                .setStatus(QueryStatus.SUCCEEDED).setCompletedAt(Instant.ofEpochMilli(1_000)).build();
    }
}
