package io.clearsky.local.chaos;

import io.clearsky.local.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded KRaft broker as a process of its own: {@code BrokerProcess LOG_DIR PORT CONTROLLER_PORT}.
 * Its log directory survives restarts; SIGTERM shuts it down cleanly, SIGKILL does not.
 */
public final class BrokerProcess {

    /** Printed once the broker accepts clients. */
    static final String READY = "CLEARSKY BROKER READY";

    private BrokerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("Usage: BrokerProcess LOG_DIR PORT CONTROLLER_PORT");
            System.exit(2);
        }
        EmbeddedBroker broker = EmbeddedBroker.start(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println(READY + " " + broker.bootstrapServers());
        stopped.await();
    }
}
