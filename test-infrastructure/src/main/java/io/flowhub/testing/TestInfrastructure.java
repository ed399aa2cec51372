package io.flowhub.testing;

import io.flowhub.embedded.Ports;
import io.flowhub.embedded.kafka.EmbeddedKafkaBroker;
import io.flowhub.embedded.mongo.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;

/**
 * Kafka and MongoDB for the integration tests, each chosen in this order: a server named by an
 * environment variable ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code FLOWHUB_MONGODB_URI});
 * a Testcontainers container when a Docker engine answers; else the embedded broker and
 * wire-protocol server of the local stack. {@code FLOWHUB_TEST_STACK=embedded|testcontainers}
 * forces one kind. Every run gets a database of its own, so tests never see another run's data.
 */
final class TestInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    static final String KAFKA_IMAGE = "apache/kafka:4.2.0";
    static final String MONGO_IMAGE = "mongo:8.0";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> environment;
    private final String forced;
    private final String mongoUri;
    private String kafkaBootstrapServers;

    private TestInfrastructure(Map<String, String> environment) {
        this.environment = environment;
        this.forced = environment.getOrDefault("FLOWHUB_TEST_STACK", "auto");
        String database = "flowhub_it_" + UUID.randomUUID().toString().substring(0, 8);
        this.mongoUri = mongo(environment.get("FLOWHUB_MONGODB_URI"), forced, database);
        log.info("Integration tests use MongoDB at {}", mongoUri);
    }

    static TestInfrastructure start() {
        return new TestInfrastructure(System.getenv());
    }

    /** @return Kafka's address; the broker starts on first use, so tests that need only MongoDB never wait for it */
    synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = kafka(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"), forced);
            log.info("Integration tests use Kafka at {}", kafkaBootstrapServers);
        }
        return kafkaBootstrapServers;
    }

    String mongoUri() {
        return mongoUri;
    }

    private String kafka(String external, String forced) {
        if (external != null && !external.isBlank() && forced.equals("auto")) {
            return external;
        }
        if (useContainers(forced)) {
            var container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            started.push(container);
            return container.getBootstrapServers();
        }
        return started(EmbeddedKafkaBroker.start(temporaryDirectory("kafka"), Ports.findFree(), Ports.findFree()))
                .bootstrapServers();
    }

    private String mongo(String external, String forced, String database) {
        if (external != null && !external.isBlank() && forced.equals("auto")) {
            return MongoUris.withDatabase(external, database);
        }
        if (useContainers(forced)) {
            // why: a replica set, as in production, so code paths with transactions are exercised too
            var container = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
            container.start();
            started.push(container);
            return container.getReplicaSetUrl(database);
        }
        return started(EmbeddedMongoServer.start(temporaryDirectory("mongodb").resolve("flowhub.mv"), 0))
                .uri(database);
    }

    private static boolean useContainers(String forced) {
        return switch (forced) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    private static Path temporaryDirectory(String name) {
        try {
            return Files.createTempDirectory("flowhub-it-" + name);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary directory for " + name, e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}
