package io.flowhub.bench.soak;

import io.flowhub.bench.chaos.GatewayProcess;
import io.flowhub.bench.chaos.WorkerProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak's second instance of each service, each in a JVM of its own on the default stack's Kafka and MongoDB,
 * with the services' default settings: a gateway the clients call by turns with the stack's, a bulk-worker and a
 * cleanup-worker, one of which is restarted every few minutes — by turns stopped (SIGTERM) and killed (SIGKILL).
 */
final class SecondInstances implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SecondInstances.class);

    private final String kafka;
    private final String mongoUri;
    private final Path filesRoot;
    private final Path logDir;
    private GatewayProcess gateway;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<WorkerProcess> stopped = new ArrayList<>();
    private int restarts;

    SecondInstances(String kafka, String mongoUri, Path filesRoot, Path logDir) {
        this.kafka = kafka;
        this.mongoUri = mongoUri;
        this.filesRoot = filesRoot;
        this.logDir = logDir;
    }

    void start() throws Exception {
        gateway = GatewayProcess.start("soak-gateway-2", kafka, mongoUri, filesRoot, logDir);
        for (WorkerProcess.Kind kind : WorkerProcess.Kind.values()) {
            workers.add(start(kind));
        }
        gateway.awaitReady(Duration.ofMinutes(3));
        for (WorkerProcess worker : workers) {
            worker.awaitReady(Duration.ofMinutes(3));
        }
    }

    int gatewayPort() {
        return gateway.port;
    }

    private WorkerProcess start(WorkerProcess.Kind kind) throws IOException {
        return WorkerProcess.start(kind, "soak-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + (restarts + 2),
                kafka, mongoUri, filesRoot, logDir, List.of());
    }

    /** Restarts one worker: the bulk one, then the cleanup one, each stopped one time and killed the next. */
    synchronized void restartAWorker() {
        try {
            WorkerProcess.Kind kind = WorkerProcess.Kind.values()[restarts % WorkerProcess.Kind.values().length];
            WorkerProcess leaving = workers.stream().filter(worker -> worker.kind == kind).findFirst().orElseThrow();
            workers.remove(leaving);
            boolean kill = restarts / WorkerProcess.Kind.values().length % 2 == 1;
            log.info("Restarting {} ({})", leaving.workerId, kill ? "SIGKILL" : "SIGTERM");
            if (kill) {
                leaving.kill();
            } else {
                leaving.stop();
            }
            stopped.add(leaving);
            restarts++;
            WorkerProcess joining = start(leaving.kind);
            joining.awaitReady(Duration.ofMinutes(3));
            workers.add(joining);
        } catch (Exception e) {
            log.warn("Could not restart a worker: {}", e.toString());
        }
    }

    synchronized int restarts() {
        return restarts;
    }

    /** @return the ERROR lines in every second instance's output, those restarted included */
    synchronized long errorLines() throws IOException {
        long errors = gateway == null ? 0 : gateway.errorLines();
        for (WorkerProcess worker : workers) {
            errors += worker.errorLines();
        }
        for (WorkerProcess worker : stopped) {
            errors += worker.errorLines();
        }
        return errors;
    }

    @Override
    public synchronized void close() throws Exception {
        for (WorkerProcess worker : workers) {
            worker.stop();
        }
        if (gateway != null) {
            gateway.kill();
        }
    }
}
