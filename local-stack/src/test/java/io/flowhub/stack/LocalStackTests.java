package io.flowhub.stack;

import io.flowhub.embedded.PortInUseException;
import io.flowhub.embedded.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackTests {

    @Test
    void aTakenPortStopsTheStartBeforeAnythingRunsAndNamesThePort(@TempDir Path dataDir) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var settings = new StackSettings(dataDir, Ports.findFree(), Ports.findFree(), taken.getLocalPort(),
                    Ports.findFree(), 0, 0, null, null, false);

            assertThatThrownBy(() -> new LocalStack().start(settings))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (MongoDB) is already in use")
                    .hasMessageContaining("--mongodb-port or FLOWHUB_MONGODB_PORT");
            assertThat(dataDir).isEmptyDirectory();
        }
    }
}
