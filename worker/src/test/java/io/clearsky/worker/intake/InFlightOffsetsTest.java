package io.clearsky.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InFlightOffsetsTest {

    private final TopicPartition partition = new TopicPartition("clearsky.questions", 0);

    private final InFlightOffsets offsets = new InFlightOffsets();

    @Test
    void theCommitStopsAtTheFirstUnfinishedRecord() {
        this.offsets.started(this.partition, 10);
        this.offsets.started(this.partition, 11);
        this.offsets.started(this.partition, 12);
        this.offsets.finished(this.partition, 11);
        this.offsets.finished(this.partition, 12);

        assertThat(committable()).isEqualTo(10);
    }

    @Test
    void allFinishedCommitsPastTheLastRecord() {
        this.offsets.started(this.partition, 10);
        this.offsets.started(this.partition, 11);
        this.offsets.finished(this.partition, 11);
        this.offsets.finished(this.partition, 10);

        assertThat(committable()).isEqualTo(12);
    }

    @Test
    void anOffsetAlreadyCommittedIsNotOfferedAgain() {
        this.offsets.started(this.partition, 3);
        this.offsets.finished(this.partition, 3);
        this.offsets.markCommitted(this.offsets.committable(List.of(this.partition)));

        assertThat(this.offsets.committable(List.of(this.partition))).isEmpty();
    }

    @Test
    void forgottenPartitionsHaveNothingToCommit() {
        this.offsets.started(this.partition, 3);
        this.offsets.forget(List.of(this.partition));

        assertThat(this.offsets.committable(List.of(this.partition))).isEmpty();
        assertThat(this.offsets.unfinished(List.of(this.partition))).isZero();
    }

    private long committable() {
        Map<TopicPartition, OffsetAndMetadata> ready = this.offsets.committable(List.of(this.partition));
        return ready.get(this.partition).offset();
    }
}
