package io.clearsky.schemas.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.Principal;
import io.clearsky.schemas.avro.QueryOptions;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.registry.RegistrySettings;
import io.clearsky.schemas.registry.RegistryStandIn;
import io.clearsky.schemas.registry.RegistryUnavailableException;
import io.clearsky.schemas.registry.SchemaRegistryClient;
import io.clearsky.schemas.registry.ConfluentWire;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuestionDecoderTest {

    private static final String TOPIC = "clearsky.questions";

    private final RegistryStandIn registry = new RegistryStandIn();

    private final SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(this.registry.url()));

    private final QuestionDecoder decoder = new QuestionDecoder(this.client);

    @AfterEach
    void stopRegistry() {
        this.registry.close();
    }

    @Test
    void singleObjectAvroRoundTrips() {
        byte[] bytes = AvroSerde.questionSubmitted().serialize(TOPIC, question());

        assertThat(this.decoder.decode(TOPIC, bytes, null)).isEqualTo(question());
    }

    @Test
    void confluentWireAvroRoundTrips() {
        int id = this.registry.register(TOPIC + "-value", QuestionSubmitted.getClassSchema());
        byte[] bytes = ConfluentWire.encode(id, QuestionSubmitted.getClassSchema(), question());

        assertThat(this.decoder.decode(TOPIC, bytes, null)).isEqualTo(question());
    }

    @Test
    void jsonWithTheRecordsFieldNamesRoundTrips() {
        String json = """
                {"queryId":"q-1","sessionId":"s-1","question":"How many orders?","submittedAt":"2026-01-01T00:00:00Z",
                 "options":{"maxRows":5,"database":"shop"},"source":"kcat",
                 "principal":{"user":"User:orders","groups":["analysts"]}}
                """;

        QuestionSubmitted read = this.decoder.decode(TOPIC, json.getBytes(StandardCharsets.UTF_8), null);

        assertThat(read).isEqualTo(question());
    }

    @Test
    void contentTypeHeaderSelectsJsonEvenWithLeadingBytesOfAnotherFormat() {
        assertThatThrownBy(() -> this.decoder.decode(TOPIC, new byte[] {(byte) 0xC3, 1, 2}, "application/json"))
            .isInstanceOf(UndecodableQuestionException.class)
            .hasMessageContaining("not valid JSON");
    }

    @Test
    void jsonMissingARequiredFieldIsInvalidNamingTheField() {
        assertThat(reason("{\"queryId\":\"q\",\"question\":\"x\",\"submittedAt\":1}")).isEqualTo("sessionId is required");
    }

    @Test
    void jsonWithAWrongTypeIsInvalidNamingTheNestedField() {
        assertThat(reason("{\"queryId\":\"q\",\"sessionId\":\"s\",\"question\":\"x\",\"submittedAt\":1,"
                + "\"options\":{\"maxRows\":\"ten\"}}")).isEqualTo("options.maxRows must be an integer");
    }

    @Test
    void jsonWithAnUnknownFieldIsInvalidNamingIt() {
        assertThat(reason("{\"queryId\":\"q\",\"sessionId\":\"s\",\"questoin\":\"x\",\"submittedAt\":1}"))
            .isEqualTo("questoin is not a field of QuestionSubmitted");
    }

    @Test
    void jsonWithABadTimestampIsInvalidNamingIt() {
        assertThat(reason("{\"queryId\":\"q\",\"sessionId\":\"s\",\"question\":\"x\",\"submittedAt\":\"yesterday\"}"))
            .startsWith("submittedAt must be epoch milliseconds");
    }

    @Test
    void bytesInNoAcceptedFormatAreUnreadableSayingWhatWasExpected() {
        assertThatThrownBy(() -> this.decoder.decode(TOPIC, "hello".getBytes(StandardCharsets.UTF_8), null))
            .isInstanceOfSatisfying(UndecodableQuestionException.class,
                    (ex) -> assertThat(ex.reasonCode()).isEqualTo("UNREADABLE_RECORD"))
            .hasMessageContaining("0x68").hasMessageContaining("Confluent wire");
    }

    @Test
    void truncatedSingleObjectRecordIsUnreadable() {
        byte[] bytes = AvroSerde.questionSubmitted().serialize(TOPIC, question());

        assertThatThrownBy(() -> this.decoder.decode(TOPIC, java.util.Arrays.copyOf(bytes, 14), null))
            .isInstanceOf(UndecodableQuestionException.class).hasMessageContaining("single-object");
    }

    @Test
    void confluentWireWithAnIdTheRegistryDoesNotKnowIsUnreadableNamingTheId() {
        byte[] bytes = ConfluentWire.encode(4242, QuestionSubmitted.getClassSchema(), question());

        assertThatThrownBy(() -> this.decoder.decode(TOPIC, bytes, null))
            .isInstanceOf(UndecodableQuestionException.class).hasMessageContaining("schema id 4242");
    }

    @Test
    void confluentWireWithoutAConfiguredRegistryIsUnreadableNamingTheSetting() {
        byte[] bytes = ConfluentWire.encode(1, QuestionSubmitted.getClassSchema(), question());

        assertThatThrownBy(() -> new QuestionDecoder(null).decode(TOPIC, bytes, null))
            .isInstanceOf(UndecodableQuestionException.class).hasMessageContaining("CLEARSKY_SCHEMA_REGISTRY_URL");
    }

    @Test
    void confluentWireWhileTheRegistryIsDownIsRetriableNotPoison() {
        int id = this.registry.register(TOPIC + "-value", QuestionSubmitted.getClassSchema());
        byte[] bytes = ConfluentWire.encode(id, QuestionSubmitted.getClassSchema(), question());
        this.registry.down(true);

        assertThatThrownBy(() -> this.decoder.decode(TOPIC, bytes, null)).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void publishedJsonSchemaNamesExactlyTheAvroFieldsAndRequiresThoseWithoutDefaults() throws Exception {
        JsonNode jsonSchema;
        try (InputStream in = QuestionDecoder.class.getResourceAsStream(JsonQuestionReader.JSON_SCHEMA)) {
            jsonSchema = new ObjectMapper().readTree(in);
        }
        Schema avro = QuestionSubmitted.getClassSchema();
        List<String> required = new ArrayList<>();
        jsonSchema.path("required").forEach((n) -> required.add(n.asText()));
        TreeSet<String> properties = new TreeSet<>();
        jsonSchema.path("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(properties).containsExactlyInAnyOrderElementsOf(avro.getFields().stream().map(Schema.Field::name).toList());
        assertThat(required).containsExactlyInAnyOrderElementsOf(
                avro.getFields().stream().filter((f) -> !f.hasDefaultValue()).map(Schema.Field::name).toList());
        assertThat(jsonSchema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    private String reason(String json) {
        try {
            this.decoder.decode(TOPIC, json.getBytes(StandardCharsets.UTF_8), null);
        }
        catch (UndecodableQuestionException ex) {
            assertThat(ex.reasonCode()).isEqualTo("INVALID_QUESTION");
            return ex.getMessage();
        }
        throw new AssertionError("decoded " + json);
    }

    private static QuestionSubmitted question() {
        return QuestionSubmitted.newBuilder().setQueryId("q-1").setSessionId("s-1").setQuestion("How many orders?")
                .setSubmittedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setOptions(QueryOptions.newBuilder().setMaxRows(5).setDatabase("shop").build())
                .setSource("kcat")
                .setPrincipal(Principal.newBuilder().setUser("User:orders").setGroups(List.of("analysts")).setOrigin("http").build())
                .build();
    }
}
