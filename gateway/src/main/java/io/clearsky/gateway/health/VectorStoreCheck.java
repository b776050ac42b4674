package io.clearsky.gateway.health;

import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.config.PostgresConnection;
import io.clearsky.core.config.VectorStoreConfig;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The configured vector store answers: the in-process index always does; a PostgreSQL server must
 * accept a connection on its port. Only host, port and database are shown, never the credentials.
 */
public final class VectorStoreCheck implements ComponentCheck {

    private final LiveConfig live;

    private final Duration timeout;

    public VectorStoreCheck(LiveConfig live, Duration timeout) {
        this.live = live;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "vector_store";
    }

    @Override
    public boolean essential() {
        return false;
    }

    @Override
    public CheckResult check() throws Exception {
        VectorStoreConfig store = this.live.get().vectorStore();
        if (VectorStoreConfig.MEMORY.equals(store.type())) {
            return CheckResult.up("in-process index over the catalog");
        }
        PostgresConnection connection = store.connection();
        String where = connection.host() + ":" + connection.port() + "/" + connection.database();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(connection.host(), connection.port()), (int) this.timeout.toMillis());
            return CheckResult.up("pgvector at " + where + ", table " + store.table() + " (port reachable)");
        }
        catch (java.io.IOException ex) {
            return CheckResult.down("pgvector at " + where + " not reachable: " + ex.getClass().getSimpleName());
        }
    }
}
