package io.clearsky.gateway.store;

import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.schemas.ContractSerdes;
import io.clearsky.schemas.intake.QuestionDecoder;
import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QuestionSubmitted;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the gateway's stores from the topics:
 * <ul>
 * <li>{@value #QUERY_STATUS}: query id → {@link QueryView}, co-grouped from questions (QUEUED),
 * status events and answers;</li>
 * <li>{@value #SESSION_HISTORY}: session id → {@link SessionView}, from questions;</li>
 * <li>{@value #USER_SESSIONS}: user id → {@link UserSessionsView}, from questions.</li>
 * </ul>
 * A question is QUEUED as soon as it is on the topic, whoever published it. Unreadable questions are
 * skipped here; the worker dead-letters them and ends their query.
 */
public final class StatusTopology {

    public static final String QUERY_STATUS = "query-status";

    public static final String SESSION_HISTORY = "session-history";

    public static final String USER_SESSIONS = "user-sessions";

    /** User id under which questions without one are listed. */
    public static final String ANONYMOUS = "anonymous";

    private static final Logger logger = LoggerFactory.getLogger(StatusTopology.class);

    private StatusTopology() {
    }

    /** Adds the stores to {@code builder}; returns the query-status table. */
    public static KTable<String, QueryView> build(StreamsBuilder builder, TopicProperties topics, UpdateNotifier notifier,
            ContractSerdes serdes) {
        Serde<QuestionSubmitted> questionSerde = serdes.questions();
        // Other systems publish here in any accepted format (single-object, Confluent wire, JSON).
        QuestionDecoder decoder = new QuestionDecoder(serdes.registry().orElse(null));
        KStream<String, QuestionSubmitted> questions = builder
                .stream(topics.questions(), Consumed.with(Serdes.String(), Serdes.serdeFrom(questionSerde.serializer(),
                        skipUnreadable(decoder.deserializer()))))
                .filter((key, question) -> key != null && question != null && key.equals(question.getQueryId())
                        && question.getSessionId() != null && !question.getSessionId().isBlank());
        KGroupedStream<String, QueryEvent> events = builder
                .stream(topics.queryEvents(), Consumed.with(Serdes.String(), serdes.events()))
                .groupByKey(Grouped.with(Serdes.String(), serdes.events()));
        KGroupedStream<String, QueryAnswer> answers = builder
                .stream(topics.answers(), Consumed.with(Serdes.String(), serdes.answers()))
                .groupByKey(Grouped.with(Serdes.String(), serdes.answers()));

        KTable<String, QueryView> status = questions.groupByKey(Grouped.with(Serdes.String(), questionSerde))
                .<QueryView>cogroup((key, question, view) -> view.withQuestion(key, question))
                .cogroup(events, (key, event, view) -> view.withEvent(key, event))
                .cogroup(answers, (key, answer, view) -> view.withAnswer(key, answer))
                .aggregate(QueryView::empty, store(QUERY_STATUS, QueryView.class));
        status.toStream().foreach((key, view) -> notifier.publish(view));

        questions.groupBy((key, question) -> question.getSessionId(), Grouped.with(Serdes.String(), questionSerde))
                .aggregate(SessionView::empty, (sessionId, question, view) -> view.with(sessionId, question),
                        store(SESSION_HISTORY, SessionView.class));

        questions.groupBy((key, question) -> userOf(question), Grouped.with(Serdes.String(), questionSerde))
                .aggregate(UserSessionsView::empty, (userId, question, view) -> view.with(userId, question),
                        store(USER_SESSIONS, UserSessionsView.class));
        return status;
    }

    public static String userOf(QuestionSubmitted question) {
        return (question.getUserId() != null && !question.getUserId().isBlank()) ? question.getUserId() : ANONYMOUS;
    }

    private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> store(String name, Class<V> type) {
        Serde<V> serde = new JsonSerde<>(type);
        return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(name).withKeySerde(Serdes.String())
                .withValueSerde(serde);
    }

    private static Deserializer<QuestionSubmitted> skipUnreadable(Deserializer<QuestionSubmitted> delegate) {
        return new Deserializer<>() {
            @Override
            public QuestionSubmitted deserialize(String topic, byte[] data) {
                return deserialize(topic, null, data);
            }

            @Override
            public QuestionSubmitted deserialize(String topic, Headers headers, byte[] data) {
                try {
                    return delegate.deserialize(topic, headers, data);
                }
                catch (RuntimeException ex) {
                    logger.debug("Skipping unreadable question on {}: {}", topic, ex.getMessage());
                    return null;
                }
            }
        };
    }
}
