package io.clearsky.worker.follow;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reading the recent past of a whole topic outside any consumer group: how the ledger learns which
 * queries already ran, and how every worker follows cancel requests and answers.
 */
public final class TopicWindow {

    private TopicWindow() {
    }

    /** Consumer settings that join no group and commit nothing. */
    public static Map<String, Object> ungrouped(Map<String, Object> consumerProperties) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return properties;
    }

    /**
     * Assigns every partition of {@code topic} and puts each at its first record written at or after
     * {@code since}, or at its end when there is none.
     *
     * @return the end offset of each partition when it was assigned
     */
    public static Map<TopicPartition, Long> assignSince(Consumer<?, ?> consumer, String topic, Instant since) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach((partition) -> times.put(partition, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            consumer.seek(partition, (offset != null) ? offset.offset() : ends.get(partition));
        }
        return ends;
    }
}
