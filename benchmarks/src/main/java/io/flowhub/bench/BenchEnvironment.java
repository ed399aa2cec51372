package io.flowhub.bench;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A fresh local stack for one benchmark run — the real broker, the wire-protocol server, the three
 * services — in a JVM of its own ({@link StackProcess}), plus direct access to the same database
 * for seeding and for the baselines. With {@code FLOWHUB_MONGODB_URI} (and
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}) set, the stack uses those servers instead of starting its
 * own: point them at scratch ones, since B4 resets the database.
 */
final class BenchEnvironment implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchEnvironment.class);
    static final String INTERNAL_KEY = "flowhub-secret-automation-key-2025";
    /** The stack's heap: room for the embedded server's page cache and a million items. */
    static final String STACK_HEAP = "-Xmx4g";

    final Path dataDir;
    final Path filesRoot;
    final String kafkaBootstrapServers;
    final String mongoUri;
    /** The servers measured, in words, for the report. */
    final Servers servers;
    final Process stack;
    final Path stackGcLog;
    final Cores cores;
    final MongoClient client;
    final MongoDatabase database;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String token;
    final ObjectId userId;
    private final HostLoad load = HostLoad.start();
    private final Path ready;
    private final int gatewayPort;
    /** Calls to the gateway and waits for jobs on this stack. */
    final JobCalls jobs;
    private StackProfiler profiler;

    BenchEnvironment(Map<String, String> environment) throws Exception {
        DriverPauses.listen();
        dataDir = Files.createTempDirectory("flowhub-bench");
        filesRoot = Files.createDirectories(dataDir.resolve("stack/uploads"));
        String externalKafka = environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        String externalMongo = environment.get("FLOWHUB_MONGODB_URI");
        ready = dataDir.resolve("stack-ready.json");
        stackGcLog = dataDir.resolve("stack-gc.log");
        Path stackOutput = dataDir.resolve("stack.log");
        stack = ChildJvm.start(List.of(STACK_HEAP, "-Xlog:gc:file=" + stackGcLog + ":time"),
                List.of(StackProcess.ROLE, dataDir.resolve("stack").toString(),
                        externalKafka == null ? "-" : externalKafka, externalMongo == null ? "-" : externalMongo,
                        ready.toString()), stackOutput);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.exists(ready)) {
            if (!stack.isAlive() || System.nanoTime() > deadline) {
                stack.destroyForcibly();
                throw new IllegalStateException("The stack did not start; its output:\n" + Files.readString(stackOutput));
            }
            Thread.sleep(200);
        }
        var started = StackProcess.read(ready);
        kafkaBootstrapServers = started.kafka();
        mongoUri = started.mongoUri();
        gatewayPort = started.gatewayPort();
        jobs = new JobCalls(this);
        client = MongoClients.create(mongoUri);
        database = client.getDatabase(Objects.requireNonNullElse(new ConnectionString(mongoUri).getDatabase(), "flowhub"));
        servers = Servers.describe(client, database, kafkaBootstrapServers, externalKafka != null, externalMongo != null);
        cores = Cores.arrange(stack.pid());
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        jobs.post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"benchmark\",\"name\":\"Bench\"}", null);
        JsonNode session = jobs.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"benchmark\"}", null);
        token = session.get("data").get("token").asString();
        userId = new ObjectId(session.get("data").get("user").get("_id").asString());
    }

    /** Records the stack's JVM during every timed project part from now on ({@code --profile}), into the directory. */
    StackProfiler profile(Path directory) throws IOException {
        profiler = new StackProfiler(stack.pid(), directory);
        return profiler;
    }

    /** @return the profiler of a {@code --profile} run, or null */
    StackProfiler profiler() {
        return profiler;
    }

    HostLoad load() {
        return load;
    }

    /**
     * Lets both JVMs collect their garbage before a sample: the stack through {@code jcmd GC.run},
     * the driver through {@link System#gc()}; the sample then pays for its own garbage only.
     */
    void settle() {
        System.gc();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (stack.isAlive() && Files.isExecutable(jcmd)) {
            try {
                Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(stack.pid()), "GC.run")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                gc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException e) {
                log.debug("jcmd GC.run failed: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return what the machine, the stack and this driver did between the two instants */
    Conditions conditions(Instant start, Instant end) {
        return conditions(start, end, DriverPauses.now());
    }

    /** @param driver the pauses of the JVM that drove the sample (this one, or a load driver of its own) */
    Conditions conditions(Instant start, Instant end, GcPauses driver) {
        var window = load.between(start, end);
        return new Conditions(window.map(HostLoad.Window::foreignCores).orElse(-1.0),
                window.map(HostLoad.Window::loadAverage).orElse(-1.0),
                GcPauses.read(stackGcLog).millisBetween(start, end), driver.millisBetween(start, end));
    }

    /** Inserts {@code count} items for the owner, {@code tagged} of them carrying the tag, in bulk; returns their ids. */
    List<ObjectId> seedItems(ObjectId owner, int count, int tagged, String tag, int withFiles) throws IOException {
        return seedItems(owner, count, tagged, tag, withFiles, null);
    }

    /** The same, every item carrying the test run {@code runId} ({@code run_id}) unless it is null. */
    List<ObjectId> seedItems(ObjectId owner, int count, int tagged, String tag, int withFiles, String runId)
            throws IOException {
        var items = database.getCollection("items");
        Files.createDirectories(filesRoot.resolve("items"));
        var ids = new ArrayList<ObjectId>(count);
        var batch = new ArrayList<Document>(1_000);
        Date now = new Date();
        for (int i = 0; i < count; i++) {
            ObjectId id = new ObjectId();
            ids.add(id);
            String file = null;
            if (i < withFiles) {
                file = "items/" + UUID.randomUUID() + ".txt";
                Files.writeString(filesRoot.resolve(file), "bench");
            }
            batch.add(new Document("_id", id).append("name", "bench " + i).append("description", null)
                    .append("tags", i < tagged ? List.of(tag, "bench") : List.of("bench")).append("test_data", true)
                    .append("created_by", owner).append("is_active", true).append("deleted_at", null)
                    .append("file_path", file).append("created_at", now).append("updated_at", now));
            if (runId != null) {
                batch.getLast().append("run_id", runId);
            }
            if (batch.size() == 1_000) {
                items.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            items.insertMany(batch);
        }
        return ids;
    }

    /** Empties what a repetition leaves behind ({@link EmptiedCollections}), so every repetition sees the same collections. */
    void clearItems() {
        EmptiedCollections.empty(database);
    }

    ObjectId newUser() {
        ObjectId id = new ObjectId();
        database.getCollection("users").insertOne(new Document("_id", id).append("email", id + "@bench.example.com")
                .append("name", "Purged").append("role", "EDITOR").append("created_at", new Date()));
        return id;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + gatewayPort + path);
    }

    /** Stops the gateway and both workers, leaving Kafka and MongoDB running (for B7's lone worker). */
    void stopServices() throws Exception {
        var input = stack.getOutputStream();
        input.write((StackProcess.STOP_SERVICES + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        input.flush();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(StackProcess.stoppedFile(ready))) {
            if (!stack.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The stack did not stop its services; see " + dataDir.resolve("stack.log"));
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        load.close();
        client.close();
        // why: the stack stops everything when its input ends, servers after services
        stack.getOutputStream().close();
        if (!stack.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            stack.destroyForcibly();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // why: the results matter more than a leftover temporary directory
            log.warn("Could not remove the benchmark's data directory {}: {}", dataDir, e.getMessage());
        }
    }
}
