package io.clearsky.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void preferredPortTakenOnLoopbackIsReplacedByAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int chosen = FreePorts.preferredOrFree(taken.getLocalPort());
            assertThat(chosen).isNotEqualTo(taken.getLocalPort());
            assertThat(FreePorts.isFree(chosen)).isTrue();
        }
    }

    @Test
    void preferredPortThatIsFreeIsKept() {
        int free = FreePorts.free();
        assertThat(FreePorts.preferredOrFree(free)).isEqualTo(free);
    }

    @Test
    void portOtherThanTheTakenOneIsChosenForTheController() {
        int broker = FreePorts.free();
        assertThat(FreePorts.freeExcept(broker)).isNotEqualTo(broker);
    }
}
