package io.clearsky.local.chaos;

import io.clearsky.gateway.GatewayApplication;
import io.clearsky.local.FreePorts;
import io.clearsky.worker.WorkerApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The processes of a chaos run, each a separate JVM on loopback with ports of its own: one broker (KRaft,
 * log kept across restarts), two gateways (state stores kept across restarts, one standby replica) and two
 * workers, all over one demo lake.
 */
final class Cluster implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(4);

    private static final List<String> SERVICE_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess broker;

    private final String bootstrapServers;

    private final List<Service> gateways = new ArrayList<>();

    private final List<Service> workers = new ArrayList<>();

    /** A gateway or worker and the port its health answers on. */
    record Service(ChildProcess process, int port) {

        String base() {
            return "http://127.0.0.1:" + this.port;
        }
    }

    Cluster(Path work, Path lake, int partitions) {
        int brokerPort = FreePorts.free();
        this.bootstrapServers = "127.0.0.1:" + brokerPort;
        this.broker = new ChildProcess("broker", BrokerProcess.class, List.of("-Xmx512m", "-XX:+UseSerialGC"),
                List.of(work.resolve("kafka").toString(), String.valueOf(brokerPort),
                        String.valueOf(FreePorts.freeExcept(brokerPort))), work.resolve("logs/broker.log"));
        for (int i = 1; i <= 2; i++) {
            int port = FreePorts.free();
            this.gateways.add(new Service(new ChildProcess("gateway-" + i, GatewayApplication.class, SERVICE_JVM,
                    common(partitions, lake, port, "clearsky-gateway", List.of(
                            "--spring.kafka.streams.state-dir=" + work.resolve("gateway-" + i + "/streams"),
                            "--clearsky.gateway.advertised-host=127.0.0.1",
                            "--clearsky.security.mode=local",
                            "--spring.kafka.streams.properties[num.standby.replicas]=1")),
                    work.resolve("logs/gateway-" + i + ".log")), port));
            port = FreePorts.free();
            this.workers.add(new Service(new ChildProcess("worker-" + i, WorkerApplication.class, SERVICE_JVM,
                    common(partitions, lake, port, "clearsky-worker", List.of(
                            "--clearsky.lake.results-dir=" + work.resolve("worker-" + i + "/results"),
                            // A killed worker's partitions move after this long, not after Kafka's 45 s default.
                            "--spring.kafka.consumer.properties[session.timeout.ms]=10000",
                            "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000")),
                    work.resolve("logs/worker-" + i + ".log")), port));
        }
    }

    private List<String> common(int partitions, Path lake, int port, String name, List<String> own) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + this.bootstrapServers, "--clearsky.topics.partitions=" + partitions,
                "--clearsky.lake.duckdb-path=" + lake, "--spring.application.name=" + name,
                "--spring.main.banner-mode=off", "--logging.level.org.apache.kafka=WARN",
                // Both are WebFlux applications; a servlet container elsewhere on the class path must not win.
                "--spring.main.web-application-type=reactive"));
        arguments.addAll(own);
        return arguments;
    }

    String bootstrapServers() {
        return this.bootstrapServers;
    }

    List<Service> gateways() {
        return this.gateways;
    }

    List<Service> workers() {
        return this.workers;
    }

    /** Starts the broker, then every gateway and worker, and waits until all are ready. */
    void start() {
        // Stopping the run (Ctrl-C) stops its processes too.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "chaos-cluster-shutdown"));
        startBroker();
        this.gateways.forEach((service) -> service.process().start());
        this.workers.forEach((service) -> service.process().start());
        this.gateways.forEach(this::awaitReady);
        this.workers.forEach(this::awaitReady);
    }

    void startBroker() {
        this.broker.start();
        await(this.broker, () -> this.broker.logged(BrokerProcess.READY));
    }

    ChildProcess broker() {
        return this.broker;
    }

    /** Starts a stopped or killed service again and waits for its readiness. */
    void restart(Service service) {
        service.process().start();
        awaitReady(service);
    }

    void awaitReady(Service service) {
        await(service.process(), () -> ready(service));
    }

    private boolean ready(Service service) {
        try {
            HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(
                    URI.create(service.base() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(ChildProcess process, BooleanSupplier ready) {
        Instant giveUpAt = Instant.now().plus(START_PATIENCE);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during start-up; see " + process.log());
            }
            if (Instant.now().isAfter(giveUpAt)) {
                throw new IllegalStateException(process.name() + " not ready after " + START_PATIENCE + "; see "
                        + process.log());
            }
            Sleep.quietly(Duration.ofMillis(250));
        }
    }

    @Override
    public void close() {
        this.gateways.forEach((service) -> service.process().stop());
        this.workers.forEach((service) -> service.process().stop());
        this.broker.stop();
    }
}
