package io.clearsky.gateway.health;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The Kafka Streams state stores behind updates and history are running.
 */
public final class StoresCheck implements ComponentCheck {

    private final StreamsBuilderFactoryBean streams;

    public StoresCheck(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public String name() {
        return "state_stores";
    }

    @Override
    public boolean essential() {
        return true;
    }

    @Override
    public CheckResult check() {
        KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return CheckResult.down("not started");
        }
        KafkaStreams.State state = kafkaStreams.state();
        return (state == KafkaStreams.State.RUNNING) ? CheckResult.up("RUNNING") : CheckResult.down(state.name());
    }
}
