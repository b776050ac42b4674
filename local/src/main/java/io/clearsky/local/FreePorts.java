package io.clearsky.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Chooses listen ports for the local product, so that two of them (or one and the test suite) run side
 * by side: a default port when it is free, any free port when it is taken.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code preferred} when nothing listens on it, on any address; otherwise a free port. */
    public static int preferredOrFree(int preferred) {
        return isFree(preferred) ? preferred : free();
    }

    /** A port nothing listens on now, chosen by the operating system. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port is left on this machine", ex);
        }
    }

    /** A free port other than {@code taken}, e.g. a controller port beside a broker port. */
    public static int freeExcept(int taken) {
        int port = free();
        return (port != taken) ? port : free();
    }

    static boolean isFree(int port) {
        // The wildcard address conflicts with a listener on any address, loopback included.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
