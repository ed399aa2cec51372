package io.flowhub.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks made before anything starts, so a taken port is named instead of failing deep in a server. */
public final class Ports {

    private static final int BELOW_EPHEMERAL_FROM = 20_000;
    private static final int BELOW_EPHEMERAL_TO = 32_000;
    private static final java.util.Random RANDOM = new java.security.SecureRandom();

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

    /**
     * @return a port that was free a moment ago, for servers that must be told their port up front. It
     *         is drawn from below the range the system hands out to outgoing connections (32768 and up on
     *         Linux), so that the clients started in the meantime cannot take it before its server binds it
     */
    public static int findFree() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = BELOW_EPHEMERAL_FROM + RANDOM.nextInt(BELOW_EPHEMERAL_TO - BELOW_EPHEMERAL_FROM);
            if (bindable(port)) {
                return port;
            }
        }
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on the loopback address", e);
        }
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
