package io.clearsky.examples;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.Topics;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How another system talks to ClearSky through Kafka alone: publish a question, and read answers as
 * a chat bot would. Run it against a running {@code bin/clearsky}:
 * {@code ./mvnw -q -pl local exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.clearsky.examples.ExternalSystemExample}
 * or from an IDE, with the broker address as the first argument (default {@code 127.0.0.1:19092}).
 */
public final class ExternalSystemExample {

    private ExternalSystemExample() {
    }

    public static void main(String[] args) {
        String bootstrap = (args.length > 0) ? args[0] : "127.0.0.1:19092";
        String queryId = publish(bootstrap, "How many customers are there?", "slack-C024BE91L", "U061F7AUR");
        System.out.println("Published " + queryId);
        QueryAnswer answer = awaitAnswer(bootstrap, queryId, Duration.ofSeconds(60));
        System.out.println(answer.getStatus() + ": " + answer.getSql() + " -> " + answer.getRows());
    }

    /** Publishes a question keyed by a new query id; returns the id. */
    public static String publish(String bootstrap, String text, String sessionId, String userId) {
        QuestionSubmitted question = QuestionSubmitted.newBuilder()
                .setQueryId(UUID.randomUUID().toString())
                .setSessionId(sessionId)
                .setUserId(userId)
                .setQuestion(text)
                .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setSource("example-bot")
                .build();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.QUESTIONS, question.getQueryId(),
                    AvroSerde.questionSubmitted().serialize(Topics.QUESTIONS, question))).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot publish the question", ex);
        }
        return question.getQueryId();
    }

    /** Reads the answers topic, as a bot's consumer group would, until the answer to {@code queryId} arrives. */
    public static QueryAnswer awaitAnswer(String bootstrap, String queryId, Duration timeout) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "example-bot-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AvroSerde<QueryAnswer> answers = AvroSerde.queryAnswer();
        Instant giveUpAt = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ANSWERS));
            while (Instant.now().isBefore(giveUpAt)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (queryId.equals(record.key())) {
                        return answers.deserialize(record.topic(), record.value());
                    }
                }
            }
        }
        throw new IllegalStateException("No answer to " + queryId + " within " + timeout);
    }
}
