package io.flowhub.bench.chaos;

import io.flowhub.embedded.InProcessServices;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.stack.FlowHubServices;
import io.flowhub.embedded.Ports;
import io.flowhub.embedded.kafka.EmbeddedKafkaBroker;
import io.flowhub.embedded.mongo.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the chaos suite runs against: the embedded broker (which it can stop and start again on the
 * same port and data) and wire-protocol server, the gateway in this JVM, and two instances of each
 * worker in JVMs of their own, which it kills, stops and adds.
 */
final class ChaosStack implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(3);
    static final String INTERNAL_KEY = "flowhub-secret-automation-key-2025";
    private static final Logger log = LoggerFactory.getLogger(ChaosStack.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Path dataDir;
    final Path filesRoot;
    private final int kafkaPort = Ports.findFree();
    private final int controllerPort = Ports.findFree();
    private EmbeddedKafkaBroker kafka;
    private final EmbeddedMongoServer mongo;
    final String mongoUri;
    /** Where the workers reach MongoDB: through {@link #proxy}, which a round may stall or cut. */
    private final String workersMongoUri;
    final TcpProxy proxy;
    private final InProcessServices gateway;
    final MongoClient client;
    final MongoDatabase database;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String adminToken;
    private final Map<WorkerProcess.Kind, List<WorkerProcess>> workers = new EnumMap<>(WorkerProcess.Kind.class);
    private int started;

    ChaosStack() throws Exception {
        dataDir = Files.createTempDirectory("flowhub-chaos");
        filesRoot = Files.createDirectories(dataDir.resolve("uploads"));
        kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        mongo = EmbeddedMongoServer.start(dataDir.resolve("mongodb/flowhub.mv"), 0);
        mongoUri = mongo.uri("flowhub");
        proxy = new TcpProxy("localhost", URI.create(mongoUri).getPort());
        workersMongoUri = "mongodb://127.0.0.1:" + proxy.port() + "/flowhub";
        client = MongoClients.create(mongoUri);
        database = client.getDatabase("flowhub");
        gateway = FlowHubServices.startGateway(new InProcessServices.Endpoints(kafkaBootstrapServers(), mongoUri), 0,
                "--flowhub.files.root=" + filesRoot, "--flowhub.gateway.publish-timeout=3s",
                "--logging.level.io.flowhub=WARN", "--logging.level.io.flowhub.bench=INFO",
                "--logging.level.org.apache.kafka=ERROR");
        for (WorkerProcess.Kind kind : WorkerProcess.Kind.values()) {
            workers.put(kind, new ArrayList<>());
            addWorker(kind);
            addWorker(kind);
        }
        adminToken = post("/api/v1/auth/login", "{\"email\":\"admin@flowhub.local\",\"password\":\"flowhub-admin-password\"}",
                Map.of()).body().get("data").get("token").asString();
    }

    String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    List<WorkerProcess> workers(WorkerProcess.Kind kind) {
        return workers.get(kind);
    }

    WorkerProcess addWorker(WorkerProcess.Kind kind) throws Exception {
        var worker = WorkerProcess.start(kind, "chaos-" + kind.settings + "-" + (++started), kafkaBootstrapServers(),
                workersMongoUri, filesRoot, dataDir);
        worker.awaitReady(Duration.ofMinutes(2));
        workers.get(kind).add(worker);
        return worker;
    }

    /** @return a gateway in a JVM of its own, ready, whose publishing waits a minute for Kafka: one a round kills */
    GatewayProcess startDoomedGateway() throws Exception {
        var doomed = GatewayProcess.start("chaos-gateway-" + (++started), kafkaBootstrapServers(), mongoUri, filesRoot,
                dataDir, "--flowhub.gateway.publish-timeout=60s");
        doomed.awaitReady(Duration.ofMinutes(2));
        return doomed;
    }

    void removeWorker(WorkerProcess worker, boolean kill) throws Exception {
        if (kill) {
            worker.kill();
        } else {
            worker.stop();
        }
        workers.get(worker.kind).remove(worker);
    }

    void stopKafka() {
        log.info("Stopping the Kafka broker");
        kafka.close();
        kafka = null;
    }

    void startKafka() {
        log.info("Starting the Kafka broker again");
        kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
    }

    record Response(int status, JsonNode body) {
    }

    Response post(String path, String json, Map<String, String> headers) throws IOException, InterruptedException {
        var request = request(path, headers).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        return send(request);
    }

    Response delete(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return send(request(path, headers).DELETE());
    }

    /**
     * @param port the gateway's port, or null for the suite's own
     * @param json the body, or null for none
     */
    Response call(Integer port, String method, String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        int target = port == null ? gateway.gatewayPort() : port;
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + target + path)).timeout(Duration.ofSeconds(120))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.gatewayPort() + path))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), body);
    }

    @Override
    public void close() throws Exception {
        for (var kind : workers.values()) {
            for (WorkerProcess worker : kind) {
                worker.kill();
            }
        }
        gateway.close();
        proxy.close();
        client.close();
        if (kafka != null) {
            kafka.close();
        }
        mongo.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the chaos suite's data in {}: {}", dataDir, e.getMessage());
        }
    }

    /** Brings each kind back to two workers after a round that added or removed one. */
    void keepTwoWorkersOfEachKind() throws Exception {
        for (WorkerProcess.Kind kind : WorkerProcess.Kind.values()) {
            while (workers(kind).size() < 2) {
                addWorker(kind);
            }
            while (workers(kind).size() > 2) {
                removeWorker(workers(kind).getFirst(), false);
            }
        }
    }
}
