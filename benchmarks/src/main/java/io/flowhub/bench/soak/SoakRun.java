package io.flowhub.bench.soak;

import io.flowhub.bench.ChildJvm;
import io.flowhub.stack.LocalStack;
import io.flowhub.embedded.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./flowhub soak --minutes N [--clients C]}: the default stack ({@code ./flowhub run}, in a
 * JVM of its own, with its data in a temporary directory) and a second instance of each service in
 * JVMs of their own on its Kafka and MongoDB, one of whose workers is restarted every five minutes,
 * under mixed traffic from several concurrent clients over both gateways for N minutes — item
 * batches under a test run, bulk jobs on them (polled and streamed), restores, tag edits and their
 * undo, tag cleanups, the run's cleanup by a plan with its erasure receipt, per-user purges — while
 * the harness samples every service's health and the database file's size. Reports requests, server errors, errors in the services' log, p50/p99
 * per kind of request and the data file over time, in {@code benchmarks/SOAK.md} (for 30 minutes or
 * more) or {@code benchmarks/target/soak/SOAK.md}; exits non-zero on any server error or untruthful
 * health.
 */
public final class SoakRun {

    /** The role of the child JVM that runs the default stack. */
    public static final String STACK_ROLE = "local-stack";
    private static final Logger log = LoggerFactory.getLogger(SoakRun.class);
    /** How often one of the second instances' workers is restarted, unless {@code --restart-every M} says otherwise. */
    static final int RESTART_EVERY_MINUTES = 5;

    private SoakRun() {
    }

    public static void main(String[] arguments) throws Exception {
        int minutes = 30;
        int clients = 6;
        int restartEvery = RESTART_EVERY_MINUTES;
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--minutes" -> minutes = Integer.parseInt(arguments[++i]);
                case "--clients" -> clients = Integer.parseInt(arguments[++i]);
                case "--restart-every" -> restartEvery = Integer.parseInt(arguments[++i]);
                default -> throw new IllegalArgumentException("Unknown argument '" + arguments[i]
                        + "': use --minutes N (default 30), --clients C (default 6) and --restart-every M (minutes "
                        + "between worker restarts, default " + RESTART_EVERY_MINUTES + ")");
            }
        }
        if (minutes < 1 || clients < 1 || restartEvery < 1) {
            throw new IllegalArgumentException("--minutes, --clients and --restart-every must be at least 1");
        }
        Path dataDir = Files.createTempDirectory("flowhub-soak");
        Path stackLog = dataDir.resolve("stack.log");
        int gateway = Ports.findFree();
        int kafkaPort = Ports.findFree();
        int mongoPort = Ports.findFree();
        List<String> stackArguments = List.of(STACK_ROLE, "--data-dir=" + dataDir.resolve("data"),
                "--kafka-port=" + kafkaPort, "--kafka-controller-port=" + Ports.findFree(),
                "--mongodb-port=" + mongoPort, "--gateway-port=" + gateway,
                "--bulk-worker-port=" + Ports.findFree(), "--cleanup-worker-port=" + Ports.findFree());
        Process stack = ChildJvm.start(List.of("-Xmx2g"), stackArguments, stackLog);
        boolean passed = false;
        var second = new SecondInstances("localhost:" + kafkaPort, "mongodb://localhost:" + mongoPort + "/flowhub",
                dataDir.resolve("data/uploads"), dataDir);
        try {
            var ports = new ArrayList<>(awaitStarted(stack, stackLog));
            second.start();
            ports.add(second.gatewayPort());
            var metrics = new SoakMetrics();
            var traffic = new SoakTraffic(List.of("http://localhost:" + gateway,
                    "http://localhost:" + second.gatewayPort()), metrics);
            traffic.prepare(clients);
            Instant began = Instant.now();
            Instant until = began.plus(Duration.ofMinutes(minutes));
            var samples = new CopyOnWriteArrayList<SoakReport.Sample>();
            var sampler = Executors.newScheduledThreadPool(2);
            sampler.scheduleAtFixedRate(() -> samples.add(sample(ports, dataDir, began, metrics)), 0, 10,
                    TimeUnit.SECONDS);
            sampler.scheduleAtFixedRate(second::restartAWorker, restartEvery, restartEvery, TimeUnit.MINUTES);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int client = 0; client < clients; client++) {
                    int number = client;
                    pool.submit(() -> traffic.drive(number, until));
                }
            }
            sampler.shutdownNow();
            samples.add(sample(ports, dataDir, began, metrics));
            long logErrors = errorLines(stackLog) + second.errorLines();
            String report = SoakReport.markdown(minutes, clients, metrics, samples, logErrors,
                    Duration.between(began, Instant.now()), second.restarts(), restartEvery);
            Path written = minutes >= 30 ? Path.of("benchmarks/SOAK.md") : Path.of("benchmarks/target/soak/SOAK.md");
            Files.createDirectories(written.toAbsolutePath().getParent());
            Files.writeString(written, report);
            System.out.println(report);
            log.info("Soak report written to {}; the stack's log is {}", written, stackLog);
            boolean healthy = samples.stream().allMatch(SoakReport.Sample::allUp);
            passed = metrics.serverErrors() == 0 && logErrors == 0 && healthy;
        } finally {
            second.close();
            stack.destroy();
            stack.waitFor(60, TimeUnit.SECONDS);
            removeData(dataDir.resolve("data"));
        }
        // why: after the finally block, so that the stack and the second instances are stopped first
        System.exit(passed ? 0 : 1);
    }

    /** Removes the stack's data (hundreds of MiB after a long run); its log stays for a look. */
    private static void removeData(Path data) {
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the soak's data in {}: {}", data, e.getMessage());
        }
    }

    /** The ports the stack reports once it is up: gateway, bulk-worker, cleanup-worker. */
    private static List<Integer> awaitStarted(Process stack, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!stack.isAlive()) {
                throw new IllegalStateException("The stack stopped; its output:\n" + Files.readString(log));
            }
            if (Files.exists(log)) {
                var ports = new ArrayList<Integer>();
                for (String line : Files.readAllLines(log)) {
                    int at = line.indexOf("http://localhost:");
                    if (line.contains("/actuator/health") && at >= 0) {
                        String rest = line.substring(at + "http://localhost:".length());
                        ports.add(Integer.parseInt(rest.substring(0, rest.indexOf('/'))));
                    }
                }
                if (ports.size() >= 3) {
                    return ports.subList(ports.size() - 3, ports.size());
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The stack did not start within 3 minutes; see " + log);
    }

    private static final HttpClient HEALTH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static SoakReport.Sample sample(List<Integer> ports, Path dataDir, Instant began, SoakMetrics metrics) {
        var health = new ConcurrentHashMap<Integer, String>();
        for (int port : ports) {
            try {
                HttpResponse<String> response = HEALTH.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
                health.put(port, response.body().contains("\"status\":\"UP\"") ? "UP" : "DOWN");
            } catch (IOException | InterruptedException e) {
                health.put(port, "no answer");
            }
        }
        return new SoakReport.Sample(Duration.between(began, Instant.now()).toSeconds(), dataFileBytes(dataDir),
                metrics.requests(), metrics.serverErrors(), Map.copyOf(health));
    }

    private static long dataFileBytes(Path dataDir) {
        try (Stream<Path> files = Files.walk(dataDir.resolve("data/mongodb"))) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * @return the ERROR lines of the stack's log, less the embedded MongoDB server's report of a client that went
     *         away mid-connection ("Connection reset"): what a worker the soak kills on purpose leaves there
     */
    private static long errorLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        long errors = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean killedClient = line.contains("MongoExceptionHandler - exception for client") && i + 1 < lines.size()
                    && lines.get(i + 1).contains("Connection reset");
            if (line.contains(" ERROR ") && !killedClient) {
                errors++;
            }
        }
        return errors;
    }

    /** The stack role: the default stack, alone in this JVM. */
    public static void runStack(String[] arguments) {
        LocalStack.main(arguments);
    }
}
