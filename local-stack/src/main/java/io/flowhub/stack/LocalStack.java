package io.flowhub.stack;

import io.flowhub.embedded.InProcessServices;
import io.flowhub.embedded.Ports;
import io.flowhub.embedded.kafka.EmbeddedKafkaBroker;
import io.flowhub.embedded.mongo.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The embedded default in one process: a KRaft Kafka broker and a MongoDB wire-protocol server
 * with their data on disk (unless external ones are named), then the gateway and both workers.
 * Ctrl-C stops the services first, then the broker and the database.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String DATABASE = "flowhub";

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] arguments) {
        if (List.of(arguments).contains("--help")) {
            log.info("\n{}", StackSettings.USAGE);
            return;
        }
        var stack = new LocalStack();
        try {
            stack.start(StackSettings.from(arguments, System.getenv()));
        } catch (RuntimeException e) {
            log.error("The local stack could not start: {}", e.getMessage());
            stack.stop();
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
    }

    void start(StackSettings settings) {
        checkPorts(settings);
        String kafka = settings.externalKafka();
        if (kafka == null) {
            kafka = started(EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka").toAbsolutePath(),
                    settings.kafkaPort(), settings.kafkaControllerPort())).bootstrapServers();
        }
        String mongo = settings.externalMongo();
        if (mongo == null) {
            mongo = started(EmbeddedMongoServer.start(settings.dataDir().resolve("mongodb").resolve("flowhub.mv")
                    .toAbsolutePath(), settings.mongoPort())).uri(DATABASE);
        }
        InProcessServices services = started(FlowHubServices.start(new InProcessServices.Endpoints(kafka, mongo),
                new FlowHubServices.ServicePorts(settings.gatewayPort(), settings.bulkWorkerPort(),
                        settings.cleanupWorkerPort()),
                serviceArguments(settings)));
        log.info("""

                FlowHub Jobs is running.
                  API:             http://localhost:{}/api/v1
                  gateway health:  http://localhost:{}/actuator/health
                  bulk-worker:     http://localhost:{}/actuator/health
                  cleanup-worker:  http://localhost:{}/actuator/health
                  Kafka:           {}
                  MongoDB:         {}
                Press Ctrl-C to stop.""",
                services.gatewayPort(), services.gatewayPort(), services.bulkWorkerPort(),
                services.cleanupWorkerPort(), kafka, mongo);
    }

    private static String[] serviceArguments(StackSettings settings) {
        String files = "--flowhub.files.root=" + settings.dataDir().resolve("uploads").toAbsolutePath();
        // why: the broker and the database log through embedded-servers' logback.xml (text) until the services
        // start; from then on Spring's logging system runs the one set-up, JSON when asked. The three services share
        // one JVM and so one logging context: a line names the stack, and its logger the service
        return settings.jsonLogs() ? new String[] {files, "--logging.config=" + StackSettings.JSON_LOGGING,
                "--logging.structured.ecs.service.name=" + StackSettings.JSON_SERVICE_NAME} : new String[] {files};
    }

    private static void checkPorts(StackSettings settings) {
        if (settings.externalKafka() == null) {
            Ports.requireFree(settings.kafkaPort(), "Kafka broker", "--kafka-port or FLOWHUB_KAFKA_PORT");
            Ports.requireFree(settings.kafkaControllerPort(), "Kafka controller",
                    "--kafka-controller-port or FLOWHUB_KAFKA_CONTROLLER_PORT");
        }
        if (settings.externalMongo() == null) {
            Ports.requireFree(settings.mongoPort(), "MongoDB", "--mongodb-port or FLOWHUB_MONGODB_PORT");
        }
        Ports.requireFree(settings.gatewayPort(), "API gateway", "--gateway-port or FLOWHUB_GATEWAY_PORT");
        Ports.requireFree(settings.bulkWorkerPort(), "bulk-worker", "--bulk-worker-port or FLOWHUB_BULK_WORKER_PORT");
        Ports.requireFree(settings.cleanupWorkerPort(), "cleanup-worker",
                "--cleanup-worker-port or FLOWHUB_CLEANUP_WORKER_PORT");
    }

    private <T extends AutoCloseable> T started(T part) {
        running.push(part);
        return part;
    }

    void stop() {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        log.info("FlowHub Jobs stopped.");
    }
}
