package io.flowhub.bench;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.stack.FlowHubServices;
import io.flowhub.stack.Ports;
import io.flowhub.stack.kafka.EmbeddedKafkaBroker;
import io.flowhub.stack.mongo.EmbeddedMongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;

/**
 * A fresh local stack for one benchmark run — the real broker, the wire-protocol server, the three
 * services — plus direct access to the same database for seeding and for the baselines. With
 * {@code FLOWHUB_MONGODB_URI} (and {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}) set, it uses those servers
 * instead of starting its own: point them at scratch ones, since B4 resets the database.
 */
final class BenchEnvironment implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchEnvironment.class);
    static final String INTERNAL_KEY = "flowhub-secret-automation-key-2025";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Path dataDir;
    final Path filesRoot;
    final EmbeddedKafkaBroker kafka;
    final EmbeddedMongoServer mongoServer;
    final String kafkaBootstrapServers;
    final String mongoUri;
    /** What the services run on, in words, for the report. */
    final String description;
    final FlowHubServices services;
    final MongoClient client;
    final MongoDatabase database;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String token;
    final ObjectId userId;

    BenchEnvironment(Map<String, String> environment) throws Exception {
        dataDir = Files.createTempDirectory("flowhub-bench");
        filesRoot = Files.createDirectories(dataDir.resolve("uploads"));
        String externalKafka = environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        kafka = externalKafka == null
                ? EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), Ports.findFree(), Ports.findFree()) : null;
        kafkaBootstrapServers = externalKafka == null ? kafka.bootstrapServers() : externalKafka;
        String externalMongo = environment.get("FLOWHUB_MONGODB_URI");
        mongoServer = externalMongo == null ? EmbeddedMongoServer.start(dataDir.resolve("mongodb/flowhub.mv"), 0) : null;
        mongoUri = externalMongo == null ? mongoServer.uri("flowhub") : externalMongo;
        description = (externalKafka == null ? "the embedded KRaft broker" : "the Kafka at " + externalKafka) + " and "
                + (externalMongo == null ? "the embedded mongo-java-server wire-protocol server (H2 file)"
                        : "the MongoDB named by FLOWHUB_MONGODB_URI");
        services = FlowHubServices.start(new FlowHubServices.Endpoints(kafkaBootstrapServers, mongoUri),
                new FlowHubServices.ServicePorts(0, 0, 0), "--flowhub.files.root=" + filesRoot,
                "--logging.level.io.flowhub.gateway=WARN", "--logging.level.io.flowhub.bulk=WARN",
                "--logging.level.io.flowhub.cleanup=WARN", "--logging.level.io.flowhub.store=WARN",
                "--logging.level.io.flowhub.audit=WARN");
        client = MongoClients.create(mongoUri);
        database = client.getDatabase(Objects.requireNonNullElse(new ConnectionString(mongoUri).getDatabase(), "flowhub"));
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"benchmark\",\"name\":\"Bench\"}", null);
        JsonNode session = post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"benchmark\"}", null);
        token = session.get("data").get("token").asString();
        userId = new ObjectId(session.get("data").get("user").get("_id").asString());
    }

    /** Inserts {@code count} items for the owner, {@code tagged} of them carrying the tag, in bulk; returns their ids. */
    List<ObjectId> seedItems(ObjectId owner, int count, int tagged, String tag, int withFiles) throws IOException {
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

    void clearItems() {
        database.getCollection("items").deleteMany(new Document());
        database.getCollection("activity_logs").deleteMany(new Document());
    }

    ObjectId newUser() {
        ObjectId id = new ObjectId();
        database.getCollection("users").insertOne(new Document("_id", id).append("email", id + "@bench.example.com")
                .append("name", "Purged").append("role", "EDITOR").append("created_at", new Date()));
        return id;
    }

    JsonNode post(String path, String json, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<String> internal(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).header("x-internal-key", INTERNAL_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the job every few milliseconds until it is finished; returns it. */
    Document awaitJob(String jobId) throws Exception {
        return awaitJob(eq("_id", new ObjectId(jobId)), Duration.ofMillis(5), () -> {
        });
    }

    /**
     * Polls the job the query finds until it has completed, and returns it.
     *
     * @param meanwhile run between polls: throws when whatever runs the job is gone
     * @throws IllegalStateException when the job fails or is cancelled
     */
    Document awaitJob(Bson which, Duration every, Check meanwhile) throws Exception {
        var jobs = database.getCollection("jobs");
        while (true) {
            Document job = jobs.find(which).first();
            if (job != null && List.of("completed", "failed", "cancelled").contains(job.getString("status"))) {
                if (!"completed".equals(job.getString("status"))) {
                    throw new IllegalStateException("Job " + job.getObjectId("_id") + " " + job.getString("status")
                            + ": " + job.getString("failure_reason"));
                }
                return job;
            }
            meanwhile.run();
            Thread.sleep(every.toMillis());
        }
    }

    /** Something to check while waiting, which may fail. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + services.gatewayPort() + path);
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** Stops the gateway and both workers, leaving Kafka and MongoDB running (for B7's lone worker). */
    void stopServices() {
        services.close();
    }

    @Override
    public void close() throws Exception {
        client.close();
        services.close();
        if (kafka != null) {
            kafka.close();
        }
        if (mongoServer != null) {
            mongoServer.close();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // why: the results matter more than a leftover temporary directory
            log.warn("Could not remove the benchmark's data directory {}: {}", dataDir, e.getMessage());
        }
    }
}
