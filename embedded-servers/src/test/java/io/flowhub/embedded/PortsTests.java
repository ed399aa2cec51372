package io.flowhub.embedded;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTests {

    @Test
    void aFreePortComesFromBelowTheRangeOfOutgoingConnectionsAndCanBeBound() throws Exception {
        int port = Ports.findFree();

        assertThat(port).isBetween(20_000, 32_767);
        try (var server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
            assertThatThrownBy(() -> Ports.requireFree(port, "a test server", "--test-port"))
                    .isInstanceOf(PortInUseException.class);
        }
    }
}
