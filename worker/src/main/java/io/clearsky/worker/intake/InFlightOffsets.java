package io.clearsky.worker.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tracks, per partition, which fetched records are still being worked on, so the committed offset
 * never passes an unfinished record even though records finish out of order.
 */
final class InFlightOffsets {

    private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();

    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();

    private final Map<TopicPartition, Long> committed = new HashMap<>();

    synchronized void started(TopicPartition partition, long offset) {
        this.pending.computeIfAbsent(partition, (p) -> new TreeSet<>()).add(offset);
        this.nextOffset.merge(partition, offset + 1, Math::max);
    }

    synchronized void finished(TopicPartition partition, long offset) {
        TreeSet<Long> offsets = this.pending.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
    }

    /** Offsets that may be committed now and were not committed before: the first unfinished one. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = this.nextOffset.get(partition);
            if (next == null) {
                continue;
            }
            TreeSet<Long> offsets = this.pending.get(partition);
            long safe = (offsets == null || offsets.isEmpty()) ? next : offsets.first();
            if (!Long.valueOf(safe).equals(this.committed.get(partition))) {
                result.put(partition, new OffsetAndMetadata(safe));
            }
        }
        return result;
    }

    synchronized void markCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> this.committed.put(partition, offset.offset()));
    }

    synchronized int unfinished(Collection<TopicPartition> partitions) {
        return partitions.stream().mapToInt((p) -> this.pending.getOrDefault(p, new TreeSet<>()).size()).sum();
    }

    synchronized void forget(Collection<TopicPartition> partitions) {
        partitions.forEach((partition) -> {
            this.pending.remove(partition);
            this.nextOffset.remove(partition);
            this.committed.remove(partition);
        });
    }
}
