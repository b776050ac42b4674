package io.clearsky.worker.session;

import io.clearsky.schemas.avro.QueryAnswer;
import io.clearsky.schemas.avro.QueryStatus;
import io.clearsky.worker.generation.GenerationRequest.Turn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The last few answered questions of each recent session, with their SQL, learned from the answers
 * topic. Any worker may get a session's next question, so every worker follows all answers; the memory
 * is bounded in sessions and in turns per session, least recently used sessions going first.
 */
public final class SessionMemory implements Consumer<ConsumerRecord<String, byte[]>> {

    private final Deserializer<QueryAnswer> answers;

    private final int turnsPerSession;

    private final Map<String, Deque<Turn>> sessions;

    public SessionMemory(int maxSessions, int turnsPerSession, Deserializer<QueryAnswer> answers) {
        this.answers = answers;
        this.turnsPerSession = turnsPerSession;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Turn>> eldest) {
                return size() > maxSessions;
            }
        };
    }

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
        try {
            remember(this.answers.deserialize(record.topic(), record.value()));
        }
        catch (SerializationException ex) {
            // Not an answer this worker can read; the conversation just has one turn less to build on.
        }
    }

    /** Keeps a successful answer's question and SQL as the latest turn of its session. */
    public void remember(QueryAnswer answer) {
        if (answer == null || answer.getStatus() != QueryStatus.SUCCEEDED || answer.getSessionId() == null
                || answer.getSql() == null || answer.getQuestion() == null || answer.getQuestion().isBlank()) {
            return;
        }
        synchronized (this.sessions) {
            Deque<Turn> turns = this.sessions.computeIfAbsent(answer.getSessionId(), (id) -> new ArrayDeque<>());
            turns.addLast(new Turn(answer.getQuestion(), answer.getSql()));
            while (turns.size() > this.turnsPerSession) {
                turns.removeFirst();
            }
        }
    }

    /** The session's remembered turns, oldest first; empty for a new or forgotten session. */
    public List<Turn> turns(String sessionId) {
        synchronized (this.sessions) {
            Deque<Turn> turns = (sessionId != null) ? this.sessions.get(sessionId) : null;
            return (turns != null) ? new ArrayList<>(turns) : List.of();
        }
    }
}
