package io.clearsky.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this process,
 * with its log in a directory that survives restarts. It listens on loopback only.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;

    private final int port;

    private final int controllerPort;

    private EmbeddedBroker(KafkaRaftServer server, int port, int controllerPort) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts the broker on {@code port} and its controller on a free port. */
    public static EmbeddedBroker start(Path logDir, int port) {
        return start(logDir, port, FreePorts.freeExcept(port));
    }

    /**
     * Formats {@code logDir} on first use and starts the broker on {@code port}, its controller on
     * {@code controllerPort}. Both may change between restarts of the same log directory.
     */
    public static EmbeddedBroker start(Path logDir, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        properties.put("controller.listener.names", CONTROLLER);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDir.toAbsolutePath().toString());
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "6");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "false");
        properties.put("num.partitions", "6");
        // After an unclean stop the old registration must lapse before the broker can rejoin; keep that short.
        properties.put("broker.session.timeout.ms", "4000");
        properties.put("broker.heartbeat.interval.ms", "1000");
        // The log cleaner's dedupe buffer is a 128 MB heap array by default, sized for a server's
        // compacted topics; a laptop's changelogs and offsets need a fraction of it.
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString())
                        .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                        .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                        .setControllerListenerName(CONTROLLER)
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .run();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare the Kafka log directory " + logDir, ex);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir + ": " + ex.getMessage(), ex);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedBroker(server, port, controllerPort);
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + this.port;
    }

    /** The KRaft controller's port, for operators; clients never use it. */
    public int controllerPort() {
        return this.controllerPort;
    }

    @Override
    public void close() {
        this.server.shutdown();
        this.server.awaitShutdown();
    }
}
