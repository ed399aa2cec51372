package io.flowhub.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks made before anything starts, so a taken port is named instead of failing deep in a server. */
public final class Ports {

    private Ports() {
    }

    /**
     * @throws PortInUseException when {@code port} cannot be bound on the loopback address
     */
    public static void requireFree(int port, String purpose, String setting) {
        if (port == 0) {
            return;
        }
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(port, purpose, setting);
        }
    }

    /** @return a port that was free a moment ago, for servers that must be told their port up front */
    public static int findFree() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on the loopback address", e);
        }
    }
}
