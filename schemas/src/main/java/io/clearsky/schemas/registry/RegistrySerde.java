package io.clearsky.schemas.registry;

import io.clearsky.schemas.AvroSerde;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records in the Confluent wire format under the configured subject, and reads both that format
 * (the writer schema fetched by id and resolved against ours) and Avro single-object encoding, so a
 * topic stays readable while its producers move to registry mode.
 *
 * <p>While the registry is unreachable, calls are retried with growing pauses for up to
 * {@code retryBudget}; a record is never written without its schema being registered.
 *
 * @param <T> the generated record type
 */
public final class RegistrySerde<T extends SpecificRecordBase> implements Serde<T> {

    private static final Logger logger = LoggerFactory.getLogger(RegistrySerde.class);

    private final SchemaRegistryClient registry;

    private final SubjectNaming naming;

    private final Schema schema;

    private final AvroSerde<T> singleObject;

    private final Duration retryBudget;

    public RegistrySerde(SchemaRegistryClient registry, SubjectNaming naming, Schema schema, AvroSerde<T> singleObject,
            Duration retryBudget) {
        this.registry = registry;
        this.naming = naming;
        this.schema = schema;
        this.singleObject = singleObject;
        this.retryBudget = retryBudget;
    }

    /**
     * Registers the schema for a topic now, so an incompatible schema stops the process at start-up.
     * An unreachable registry only delays registration to the first record.
     *
     * @throws SchemaRejectedException when the registry rejects the schema
     */
    public void registerAtStartup(String topic) {
        String subject = this.naming.subject(topic, this.schema);
        try {
            int id = this.registry.register(subject, this.schema);
            logger.info("Schema {} registered under subject '{}' with id {}", this.schema.getFullName(), subject, id);
        }
        catch (RegistryUnavailableException ex) {
            logger.warn("Schema registry unavailable at start-up; {} will be registered under '{}' before the first "
                    + "record is written: {}", this.schema.getFullName(), subject, ex.getMessage());
        }
    }

    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        String subject = this.naming.subject(topic, this.schema);
        int id = retrying(() -> this.registry.register(subject, this.schema), "register schema for " + subject);
        return ConfluentWire.encode(id, this.schema, data);
    }

    public T deserialize(String topic, byte[] data) {
        if (!ConfluentWire.looksLike(data)) {
            return this.singleObject.deserialize(topic, data);
        }
        int id = ConfluentWire.schemaId(data);
        Schema writer = retrying(() -> this.registry.schemaById(id), "fetch schema id " + id);
        return ConfluentWire.decode(data, writer, this.schema);
    }

    private <R> R retrying(Supplier<R> call, String what) {
        long deadline = System.nanoTime() + this.retryBudget.toNanos();
        long pauseMillis = 100;
        while (true) {
            try {
                return call.get();
            }
            catch (RegistryUnavailableException ex) {
                if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    throw ex;
                }
                logger.warn("Cannot {} yet, retrying in {} ms: {}", what, pauseMillis, ex.getMessage());
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted while waiting for the schema registry", ex);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }
}
