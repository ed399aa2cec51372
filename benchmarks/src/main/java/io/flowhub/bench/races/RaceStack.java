package io.flowhub.bench.races;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.flowhub.bench.chaos.GatewayProcess;
import io.flowhub.bench.chaos.WorkerProcess;
import io.flowhub.embedded.Ports;
import io.flowhub.embedded.kafka.EmbeddedKafkaBroker;
import io.flowhub.embedded.mongo.EmbeddedMongoServer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * What the race suite runs against: the embedded broker and wire-protocol server in this JVM, and two instances of
 * every service — two gateways, two bulk-workers, two cleanup-workers — each in a JVM of its own, as a shared
 * staging runs them.
 */
final class RaceStack implements AutoCloseable {

    static final String INTERNAL_KEY = "flowhub-secret-automation-key-2025";
    static final int GATEWAYS = 2;
    private static final Logger log = LoggerFactory.getLogger(RaceStack.class);

    final Path dataDir;
    final Path filesRoot;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongoServer mongo;
    final MongoClient client;
    final MongoDatabase database;
    private final List<GatewayProcess> gateways = new ArrayList<>();
    private final List<WorkerProcess> workers = new ArrayList<>();

    RaceStack() throws Exception {
        dataDir = Files.createTempDirectory("flowhub-races");
        filesRoot = Files.createDirectories(dataDir.resolve("uploads"));
        kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), Ports.findFree(), Ports.findFree());
        mongo = EmbeddedMongoServer.start(dataDir.resolve("mongodb/flowhub.mv"), 0);
        String mongoUri = mongo.uri("flowhub");
        client = MongoClients.create(mongoUri);
        database = client.getDatabase("flowhub");
        for (int i = 1; i <= GATEWAYS; i++) {
            gateways.add(GatewayProcess.start("race-gateway-" + i, kafkaBootstrapServers(), mongoUri, filesRoot, dataDir));
        }
        for (WorkerProcess.Kind kind : WorkerProcess.Kind.values()) {
            for (int i = 1; i <= 2; i++) {
                workers.add(WorkerProcess.start(kind, "race-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + i,
                        kafkaBootstrapServers(), mongoUri, filesRoot, dataDir));
            }
        }
        for (GatewayProcess gateway : gateways) {
            gateway.awaitReady(Duration.ofMinutes(3));
        }
        for (WorkerProcess worker : workers) {
            worker.awaitReady(Duration.ofMinutes(3));
        }
        log.info("Race stack up: {} gateways and {} workers in JVMs of their own", gateways.size(), workers.size());
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** @return a client of each gateway, writing to one history */
    List<RaceClient> clients(List<RaceClient.Answer> history) {
        var clients = new ArrayList<RaceClient>();
        for (int i = 0; i < gateways.size(); i++) {
            clients.add(new RaceClient(i + 1, gateways.get(i).port, history));
        }
        return Collections.unmodifiableList(clients);
    }

    @Override
    public void close() throws Exception {
        for (WorkerProcess worker : workers) {
            worker.kill();
        }
        for (GatewayProcess gateway : gateways) {
            gateway.kill();
        }
        client.close();
        kafka.close();
        mongo.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the race suite's data in {}: {}", dataDir, e.getMessage());
        }
    }

    /** @return true once the job has ended, false when it is gone or still running after 90 seconds */
    boolean awaitFinished(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Document job = database.getCollection("jobs").find(eq("_id", new ObjectId(jobId))).first();
            if (job == null) {
                return false;
            }
            if (List.of("completed", "failed", "cancelled").contains(job.getString("status"))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
