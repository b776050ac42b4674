package io.clearsky.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearsky.schemas.avro.GenerationDetails;
import io.clearsky.schemas.avro.Principal;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QueryOptions;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.avro.Stage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<QuestionSubmitted> questions = AvroSerde.questionSubmitted();

    @Test
    void questionRoundTripsWithSingleObjectHeader() {
        QuestionSubmitted question = QuestionSubmitted.newBuilder()
                .setQueryId("q-1")
                .setSessionId("s-1")
                .setQuestion("How many customers are there?")
                .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setOptions(QueryOptions.newBuilder().setMaxRows(10).build())
                .build();

        byte[] bytes = this.questions.serialize("t", question);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(this.questions.deserialize("t", bytes)).isEqualTo(question);
    }

    @Test
    void eventRoundTripsWithTimingsAndEnums() {
        AvroSerde<QueryEvent> events = AvroSerde.queryEvent();
        QueryEvent event = QueryEvent.newBuilder().setQueryId("q").setSessionId("s").setSeq(3)
                .setStatus(QueryStatus.EXECUTING).setStage(Stage.EXECUTION)
                .setStageTimingsMs(Map.of("GENERATION", 12L))
                .setEmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();

        assertThat(events.deserialize("t", events.serialize("t", event))).isEqualTo(event);
    }

    @Test
    void aClarificationsChoicesSurviveTheRoundTrip() {
        AvroSerde<QueryAnswer> serde = AvroSerde.queryAnswer();
        QueryAnswer answer = QueryAnswer.newBuilder().setQueryId("q-1").setStatus(QueryStatus.NEEDS_CLARIFICATION)
                .setGeneration(GenerationDetails.newBuilder().setAttempts(1).setModelCalls(1)
                        .setInputTokens(0).setOutputTokens(0).setModelLatencyMs(0)
                        .setClarifyingQuestion("Which region?").setChoices(List.of("customer's", "rep's")).build())
                .setCompletedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();

        QueryAnswer read = serde.deserialize("clearsky.answers", serde.serialize("clearsky.answers", answer));

        assertThat(read.getGeneration().getChoices()).containsExactly("customer's", "rep's");
    }

    @Test
    void garbageIsASerializationExceptionNotACrash() {
        byte[] garbage = "{\"question\": \"plain JSON is not Avro\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> this.questions.deserialize("clearsky.questions", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("clearsky.questions");
    }

    @Test
    void recordsWrittenWithAPublishedVersionAreReadable() throws Exception {
        Schema v1 = SchemaHistory.versions("QuestionSubmitted").get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("queryId", "q-old");
        old.put("sessionId", "s-old");
        old.put("question", "How many orders are there?");
        old.put("submittedAt", 1_700_000_000_000L);

        QuestionSubmitted read = this.questions.deserialize("t", singleObject(v1, old));

        assertThat(read.getQueryId()).isEqualTo("q-old");
        assertThat(read.getSubmittedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void aQuestionWrittenWithTheV2SnapshotDecodesWithoutPrincipal() throws Exception {
        Schema v2 = SchemaHistory.versions("QuestionSubmitted").get(1);
        assertThat(v2.getField("principal")).isNull();
        GenericRecord old = new GenericData.Record(v2);
        old.put("queryId", "q-v2");
        old.put("sessionId", "s-v2");
        old.put("userId", "U061F7AUR");
        old.put("question", "Orders per status");
        old.put("submittedAt", 1_700_000_000_000L);
        old.put("source", "orders-service");
        old.put("sql", "SELECT status, count(*) FROM orders GROUP BY status");

        QuestionSubmitted read = this.questions.deserialize("t", singleObject(v2, old));

        assertThat(read.getPrincipal()).isNull();
        assertThat(read.getSource()).isEqualTo("orders-service");
        assertThat(read.getSql()).startsWith("SELECT status");
    }

    @Test
    void aV3QuestionWithAPrincipalIsReadableByAV2Reader() throws Exception {
        Schema v2 = SchemaHistory.versions("QuestionSubmitted").get(1);
        Schema v3 = SchemaHistory.versions("QuestionSubmitted").get(2);
        assertThat(SchemaNormalization.parsingFingerprint64(v3))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(QuestionSubmitted.getClassSchema()));
        QuestionSubmitted current = QuestionSubmitted.newBuilder().setQueryId("q-v3").setSessionId("s-v3")
                .setUserId("alice").setQuestion("How many customers are there?")
                .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setSource("gateway")
                .setPrincipal(Principal.newBuilder().setUser("alice").setGroups(List.of("analysts")).setOrigin("http").build())
                .build();
        byte[] message = this.questions.serialize("t", current);
        byte[] body = Arrays.copyOfRange(message, 10, message.length);

        GenericRecord read = new GenericDatumReader<GenericRecord>(v3, v2)
                .read(null, DecoderFactory.get().binaryDecoder(body, null));

        assertThat(read.getSchema().getField("principal")).isNull();
        assertThat(read.get("queryId")).hasToString("q-v3");
        assertThat(read.get("userId")).hasToString("alice");
        assertThat(read.get("source")).hasToString("gateway");
        assertThat(read.get("question")).hasToString("How many customers are there?");
    }

    /** Writes the single-object format by hand, as a non-Java producer would. */
    private static byte[] singleObject(Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] { (byte) 0xC3, 0x01 });
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        for (int i = 0; i < 8; i++) {
            out.write((int) (fingerprint >>> (8 * i)));
        }
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
