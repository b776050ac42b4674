package io.clearsky.local.chaos;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks questions the ways clients do: {@code POST /api/chat/query} on a gateway (falling over to the other
 * one while it is down, retrying a 503 while Kafka is unavailable), or a {@code QuestionSubmitted} record
 * straight onto the questions topic, as other systems publish.
 */
final class Submitter {

    /** The user every chaos question is asked as, over HTTP ({@code X-User-Id}) and on the topic. */
    static final String USER = "chaos";

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final AvroSerde<QuestionSubmitted> serde = AvroSerde.questionSubmitted();

    private final List<Cluster.Service> gateways;

    private final Producer<String, byte[]> producer;

    private final AtomicLong retries = new AtomicLong();

    Submitter(List<Cluster.Service> gateways, Producer<String, byte[]> producer) {
        this.gateways = gateways;
        this.producer = producer;
    }

    /** Asks through gateway {@code preferred} (0 or 1), or the other while that one does not answer. */
    Submission viaGateway(int preferred, String question) throws InterruptedException {
        String body = JSON.writeValueAsString(Map.of("question", question));
        Instant giveUpAt = Instant.now().plus(PATIENCE);
        for (int attempt = 0;; attempt++) {
            int index = (preferred + attempt) % this.gateways.size();
            Cluster.Service gateway = this.gateways.get(index);
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(
                        URI.create(gateway.base() + "/api/chat/query")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-User-Id", USER)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    String id = JSON.readTree(response.body()).get("query_id").asString();
                    return new Submission(id, question, "gateway-" + (index + 1), sent);
                }
            }
            catch (IOException ex) {
                // Down or restarting: the other gateway, or this one again after a pause.
            }
            this.retries.incrementAndGet();
            if (Instant.now().isAfter(giveUpAt)) {
                throw new IllegalStateException("No gateway accepted a question for " + PATIENCE);
            }
            if (attempt % this.gateways.size() == this.gateways.size() - 1) {
                Sleep.quietly(Duration.ofMillis(500));
            }
        }
    }

    /** Publishes onto the questions topic and waits for the broker's acknowledgement. */
    Submission viaTopic(String question) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        QuestionSubmitted record = QuestionSubmitted.newBuilder().setQueryId(id).setSessionId(UUID.randomUUID().toString())
                .setUserId(USER).setQuestion(question).setSource("chaos")
                .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
        long sent = System.nanoTime();
        try {
            this.producer.send(new ProducerRecord<>(Topics.QUESTIONS, id, this.serde.serialize(Topics.QUESTIONS, record)))
                    .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("The broker did not take question " + id + ": " + ex.getMessage(), ex);
        }
        return new Submission(id, question, "topic", sent);
    }

    /** Requests sent again because a gateway was down, restarting or without Kafka. */
    long retries() {
        return this.retries.get();
    }
}
