package io.flowhub.bench.chaos;

import io.flowhub.bench.ChildJvm;
import io.flowhub.embedded.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One gateway instance in a JVM of its own: the race suite runs two on one Kafka and one MongoDB, the chaos suite one
 * it kills between recording a job and publishing it.
 */
public final class GatewayProcess {

    /** The role of a child JVM that runs the gateway alone. */
    public static final String ROLE = "gateway";

    public final int port;
    private final Process process;
    private final Path log;

    private GatewayProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static GatewayProcess start(String name, String kafka, String mongoUri, Path filesRoot, Path logDir,
            String... settings) throws IOException {
        int port = Ports.findFree();
        Path log = logDir.resolve(name + ".log");
        var arguments = new java.util.ArrayList<>(List.of(ROLE,
                "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongoUri,
                "--server.port=" + port, "--flowhub.files.root=" + filesRoot,
                // why: every call of the suite comes from this machine; the limits are not what it races
                "--flowhub.auth.throttle.per-address=1000000", "--flowhub.auth.throttle.per-client=1000000",
                "--flowhub.auth.throttle.per-address-and-client=1000000",
                "--flowhub.auth.throttle.registrations-per-client=1000000",
                "--flowhub.gateway.max-active-jobs=1000", "--spring.main.banner-mode=off",
                "--logging.level.io.flowhub=WARN"));
        arguments.addAll(List.of(settings));
        Process process = ChildJvm.start(List.of("-Xmx384m"), arguments, log);
        return new GatewayProcess(port, process, log);
    }

    /** Waits until the gateway answers its health check. */
    public void awaitReady(Duration limit) throws Exception {
        var http = HttpClient.newHttpClient();
        var health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // why: not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The gateway on port " + port + " did not start; its output:\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(200);
        }
    }

    /** @return how many lines of the gateway's output say ERROR */
    public long errorLines() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" ERROR ")).count();
        }
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
