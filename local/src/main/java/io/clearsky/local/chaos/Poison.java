package io.clearsky.local.chaos;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records no worker can answer, published onto the questions topic among the real ones: bytes that are
 * not Avro, Avro single-object encoding with a schema fingerprint nobody knows, and a well-formed
 * question far longer than any worker accepts. Each must end in the dead-letter topic with its reason.
 */
final class Poison {

    private Poison() {
    }

    /** Publishes {@code each} records of every kind and returns their keys. */
    static List<String> publish(Producer<String, byte[]> producer, int each) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            keys.add(send(producer, "poison-not-avro-" + i, "{\"question\": \"not avro\"}".getBytes(StandardCharsets.UTF_8)));
            byte[] unknownSchema = { (byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, (byte) i, 2, 'x' };
            keys.add(send(producer, "poison-unknown-schema-" + i, unknownSchema));
            String id = "poison-oversized-" + i;
            QuestionSubmitted oversized = QuestionSubmitted.newBuilder().setQueryId(id).setSessionId(id)
                    .setUserId(Submitter.USER).setQuestion("How many orders are there? ".repeat(4_000)).setSource("chaos")
                    .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
            keys.add(send(producer, id, AvroSerde.questionSubmitted().serialize(Topics.QUESTIONS, oversized)));
        }
        return keys;
    }

    private static String send(Producer<String, byte[]> producer, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.QUESTIONS, key, value)).get(2, TimeUnit.MINUTES);
            return key;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing poison records", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("The broker did not take poison record " + key + ": " + ex.getMessage(), ex);
        }
    }
}
