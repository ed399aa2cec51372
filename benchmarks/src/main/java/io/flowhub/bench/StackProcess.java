package io.flowhub.bench;

import io.flowhub.embedded.InProcessServices;
import io.flowhub.stack.FlowHubServices;
import io.flowhub.embedded.Ports;
import io.flowhub.embedded.kafka.EmbeddedKafkaBroker;
import io.flowhub.embedded.mongo.EmbeddedMongoServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;

/**
 * The measured stack, in a JVM of its own so that the driver's work (seeding, polling, its garbage)
 * never runs in the stack's process: the broker and the wire-protocol server (unless external ones
 * are named), then the three services. Once up, it writes where it listens to a file; then it
 * obeys lines on its standard input — {@code stop-services} stops the three services and leaves
 * the servers running (for B7's lone worker) — and stops everything when its input ends, which
 * is also what happens when the driver dies.
 */
public final class StackProcess {

    public static final String ROLE = "bench-stack";
    static final String STOP_SERVICES = "stop-services";
    /**
     * The embedded store's commits while measuring: every 10 s or at 64 MiB of changes, not H2's every
     * second and at 1 MiB. With the defaults, a commit falls inside a bulk write whenever H2's background
     * thread or its buffer says so, and each one rewrites the pages the write keeps touching: the same
     * updateMany of 100,000 items took 6 to 15 s within one run, and the ratios built on it moved
     * between runs. With these, it took 9 to 11 s. The data file is thrown away after the run, so the
     * longer window for losing acknowledged writes to a crash costs nothing here.
     */
    static final EmbeddedMongoServer.Commits COMMITS = new EmbeddedMongoServer.Commits(Duration.ofSeconds(10),
            64 * 1024);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the started stack listens, as the ready file says. */
    record Started(String kafka, String mongoUri, int gatewayPort) {
    }

    private StackProcess() {
    }

    /** @param arguments the data directory, the external Kafka and MongoDB ("-" for none), the ready file */
    public static void main(String[] arguments) throws Exception {
        Path dataDir = Path.of(arguments[0]);
        String kafka = arguments[1].equals("-") ? null : arguments[1];
        String mongo = arguments[2].equals("-") ? null : arguments[2];
        Path ready = Path.of(arguments[3]);
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            if (kafka == null) {
                var broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), Ports.findFree(), Ports.findFree());
                running.push(broker);
                kafka = broker.bootstrapServers();
            }
            if (mongo == null) {
                var server = EmbeddedMongoServer.start(dataDir.resolve("mongodb/flowhub.mv"), 0, COMMITS);
                running.push(server);
                mongo = server.uri("flowhub");
            }
            var services = FlowHubServices.start(new InProcessServices.Endpoints(kafka, mongo),
                    new FlowHubServices.ServicePorts(0, 0, 0), "--flowhub.files.root=" + dataDir.resolve("uploads"),
                    "--logging.level.io.flowhub.gateway=WARN", "--logging.level.io.flowhub.bulk=WARN",
                    "--logging.level.io.flowhub.cleanup=WARN", "--logging.level.io.flowhub.store=WARN",
                    "--logging.level.io.flowhub.engine=WARN", "--logging.level.io.flowhub.wiring=WARN",
                    "--logging.level.io.flowhub.audit=WARN",
                    // why: the bench is one client that signs up an owner B per try until one lands on owner A's
                    // partition (B8: one in six); the default 20 sign-ups a client an hour ended a run now and then
                    "--flowhub.auth.throttle.registrations-per-client=1000");
            running.push(services);
            var started = new LinkedHashMap<String, Object>();
            started.put("kafka", kafka);
            started.put("mongoUri", mongo);
            started.put("gatewayPort", services.gatewayPort());
            Path written = Files.writeString(ready.resolveSibling(ready.getFileName() + ".tmp"),
                    JSON.writeValueAsString(started));
            Files.move(written, ready);
            var input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                if (line.equals(STOP_SERVICES)) {
                    services.close();
                    Files.writeString(stoppedFile(ready), "stopped");
                }
            }
        } finally {
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    System.err.println("Could not stop a part of the stack: " + e.getMessage());
                }
            }
        }
        System.exit(0);
    }

    static Path stoppedFile(Path ready) {
        return ready.resolveSibling(ready.getFileName() + ".stopped");
    }

    static Started read(Path ready) throws Exception {
        return JSON.readValue(Files.readString(ready), Started.class);
    }
}
