package io.clearsky.worker.ledger;

import io.clearsky.schemas.avro.QueryEvent;
import io.clearsky.schemas.avro.QueryStatus;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The queries this worker knows about: which ended and the last event sequence of each, learned from
 * its own runs and from recent status events and answers read at partition assignment. It lets a
 * redelivered question be skipped when its query already ended, lets a re-run continue the sequence, and
 * tells when a query's answer was published but its terminal event was not (its worker died between the
 * two), so the next run finishes it instead of answering twice. Bounded: the oldest entries are forgotten
 * first.
 */
public final class QueryLedger {

    private static final Set<QueryStatus> TERMINAL = EnumSet.of(QueryStatus.SUCCEEDED, QueryStatus.FAILED,
            QueryStatus.REJECTED, QueryStatus.CANCELLED, QueryStatus.TIMED_OUT, QueryStatus.DECLINED,
            QueryStatus.NEEDS_CLARIFICATION);

    /** @param answered the status of the answer already published, or null for none */
    private record Progress(long lastSeq, boolean ended, QueryStatus answered) {
    }

    private final Map<String, Progress> known;

    private final Set<String> running = new HashSet<>();

    public QueryLedger(int capacity) {
        this.known = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Progress> eldest) {
                return size() > capacity;
            }
        };
    }

    public static boolean isTerminal(QueryStatus status) {
        return TERMINAL.contains(status);
    }

    /**
     * Claims a query for running.
     *
     * @return the sequence number its first event should carry, or empty when the query already ended
     * or is running here now
     */
    public synchronized OptionalLong claim(String queryId) {
        Progress entry = this.known.get(queryId);
        if ((entry != null && entry.ended()) || !this.running.add(queryId)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((entry != null) ? entry.lastSeq() + 1 : 1);
    }

    /** Gives a claimed query back, recording how far it got. */
    public synchronized void release(String queryId, long lastSeq, boolean ended) {
        this.running.remove(queryId);
        merge(queryId, new Progress(lastSeq, ended, null));
    }

    /**
     * The status of the answer already published for a query whose terminal event is missing, or null.
     */
    public synchronized QueryStatus answeredWithoutEnd(String queryId) {
        Progress entry = this.known.get(queryId);
        return (entry != null && !entry.ended()) ? entry.answered() : null;
    }

    /** Learns that an answer of this status was published for the query, by any worker. */
    public synchronized void observeAnswer(String queryId, QueryStatus status) {
        merge(queryId, new Progress(0, false, status));
    }

    /** Learns from a status event published by any worker. */
    public synchronized void observe(QueryEvent event) {
        merge(event.getQueryId(), new Progress(event.getSeq(), isTerminal(event.getStatus()), null));
    }

    private void merge(String queryId, Progress update) {
        this.known.merge(queryId, update, (old, now) -> new Progress(Math.max(old.lastSeq(), now.lastSeq()),
                old.ended() || now.ended(), (now.answered() != null) ? now.answered() : old.answered()));
    }
}
