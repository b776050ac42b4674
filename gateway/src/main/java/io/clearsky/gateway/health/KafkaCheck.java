package io.clearsky.gateway.health;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Kafka is reachable: the cluster answers a metadata request.
 */
public final class KafkaCheck implements ComponentCheck {

    private final Admin admin;

    private final Duration timeout;

    public KafkaCheck(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public boolean essential() {
        return true;
    }

    @Override
    public CheckResult check() throws Exception {
        DescribeClusterResult cluster = this.admin
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
        int brokers = cluster.nodes().get().size();
        return CheckResult.up(brokers + ((brokers == 1) ? " broker" : " brokers") + ", cluster "
                + cluster.clusterId().get());
    }
}
