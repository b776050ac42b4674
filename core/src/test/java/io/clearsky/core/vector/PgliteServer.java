package io.clearsky.core.vector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * PostgreSQL 18 with pgvector compiled to WebAssembly (PGlite), served on a loopback port by
 * {@code pglite-server} from the npm packages in {@code core/src/test/js/pglite} ({@code .ci/run} installs
 * them). Speaks the real PostgreSQL wire protocol, so the product's r2dbc-postgresql client is tested as is.
 */
public final class PgliteServer implements AutoCloseable {

    /** The npm project, from this module or from a sibling module's tests. */
    static final Path HOME = Files.isDirectory(Path.of("src/test/js/pglite")) ? Path.of("src/test/js/pglite")
            : Path.of("../core/src/test/js/pglite");

    private static final Path LOG = Path.of("target/pglite.log");

    private final Process process;

    private final int port;

    private PgliteServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether the npm packages are installed here. */
    public static boolean available() {
        return Files.isExecutable(HOME.resolve("node_modules/.bin/pglite-server"));
    }

    public static PgliteServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("node_modules/.bin/pglite-server", "-p", String.valueOf(port),
                "-e", "@electric-sql/pglite-pgvector:vector", "-m", "10")
                .directory(HOME.toFile()).redirectErrorStream(true)
                .redirectOutput(LOG.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new PgliteServer(process, port);
            }
            catch (IOException ex) {
                if (!process.isAlive()) {
                    throw new IOException("pglite-server exited with " + process.exitValue() + "; see " + LOG.toAbsolutePath());
                }
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IOException("pglite-server did not listen on port " + port + " within 60 s");
    }

    /** The SQLAlchemy-form URL the original configuration uses. */
    public String connectionString() {
        return "postgresql+psycopg://postgres:secret-pw@127.0.0.1:" + this.port + "/postgres";
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            this.process.destroyForcibly();
        }
    }
}
