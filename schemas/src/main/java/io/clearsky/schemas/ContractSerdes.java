package io.clearsky.schemas;

import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QuestionSubmitted;
import io.clearsky.schemas.registry.RegistrySerde;
import io.clearsky.schemas.registry.SchemaRegistryClient;
import io.clearsky.schemas.registry.SubjectNaming;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of the query topics in one encoding: Avro single-object (the default, no registry) or
 * registry mode (Confluent wire format). In registry mode readers still accept single-object records.
 */
public final class ContractSerdes {

    private final SchemaRegistryClient registry;

    private final Serde<QuestionSubmitted> questions;

    private final Serde<QueryEvent> events;

    private final Serde<QueryAnswer> answers;

    private ContractSerdes(SchemaRegistryClient registry, Serde<QuestionSubmitted> questions, Serde<QueryEvent> events,
            Serde<QueryAnswer> answers) {
        this.registry = registry;
        this.questions = questions;
        this.events = events;
        this.answers = answers;
    }

    public static ContractSerdes singleObject() {
        return new ContractSerdes(null, AvroSerde.questionSubmitted(), AvroSerde.queryEvent(), AvroSerde.queryAnswer());
    }

    /**
     * Registry mode.
     *
     * @param retryBudget how long a record waits for an unreachable registry before its write fails
     */
    public static ContractSerdes registry(SchemaRegistryClient registry, SubjectNaming naming, Duration retryBudget) {
        return new ContractSerdes(registry,
                new RegistrySerde<>(registry, naming, QuestionSubmitted.getClassSchema(), AvroSerde.questionSubmitted(),
                        retryBudget),
                new RegistrySerde<>(registry, naming, QueryEvent.getClassSchema(), AvroSerde.queryEvent(), retryBudget),
                new RegistrySerde<>(registry, naming, QueryAnswer.getClassSchema(), AvroSerde.queryAnswer(), retryBudget));
    }

    /** The registry in registry mode. */
    public Optional<SchemaRegistryClient> registry() {
        return Optional.ofNullable(this.registry);
    }

    public Serde<QuestionSubmitted> questions() {
        return this.questions;
    }

    public Serde<QueryEvent> events() {
        return this.events;
    }

    public Serde<QueryAnswer> answers() {
        return this.answers;
    }

    /**
     * In registry mode, registers each schema a process writes under its topic's subject, so a schema the
     * registry finds incompatible stops start-up; does nothing otherwise.
     *
     * @throws io.clearsky.schemas.registry.SchemaRejectedException when the registry rejects a schema
     */
    public void registerAtStartup(String questionsTopic, String eventsTopic, String answersTopic) {
        register(this.questions, questionsTopic);
        register(this.events, eventsTopic);
        register(this.answers, answersTopic);
    }

    private static void register(Serde<?> serde, String topic) {
        if (serde instanceof RegistrySerde<?> registrySerde && topic != null) {
            registrySerde.registerAtStartup(topic);
        }
    }
}
