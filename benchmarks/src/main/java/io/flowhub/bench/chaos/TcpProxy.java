package io.flowhub.bench.chaos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the workers and MongoDB, so the chaos suite can take the database away from them in the
 * middle of a batch: {@link #stall} holds every byte in both directions for a while (a server that hangs), and
 * {@link #cut} closes every connection and refuses new ones for a while (a server out of reach). The gateway and the
 * suite's own checks talk to MongoDB directly.
 */
final class TcpProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile long stalledUntil;
    private volatile long refusingUntil;
    private volatile boolean closed;

    TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        Thread.ofPlatform().name("chaos-proxy-accept").daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Holds every byte, both ways, for {@code duration}; connections stay open. */
    void stall(Duration duration) {
        log.info("Stalling MongoDB for the workers for {} s", duration.toSeconds());
        stalledUntil = System.nanoTime() + duration.toNanos();
    }

    /** Closes every connection and refuses new ones for {@code duration}. */
    void cut(Duration duration) {
        log.info("Cutting the workers off MongoDB for {} s", duration.toSeconds());
        refusingUntil = System.nanoTime() + duration.toNanos();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (System.nanoTime() < refusingUntil) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                if (!closed) {
                    log.debug("The proxy could not take a connection: {}", e.getMessage());
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                holdWhileStalled();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // why: one side closed (or was cut); the other goes with it
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void holdWhileStalled() throws InterruptedException {
        long left;
        while ((left = stalledUntil - System.nanoTime()) > 0) {
            synchronized (gate) {
                gate.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // why: closing is all that is wanted
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }
}
