package io.flowhub.bench.chaos;

import io.flowhub.embedded.InProcessServices;
import io.flowhub.bench.BenchmarkSuite;
import io.flowhub.bench.ChildJvm;
import io.flowhub.embedded.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One worker instance in a JVM of its own, which the chaos and race suites can kill, stop or add. */
public final class WorkerProcess {

    public enum Kind {
        BULK("bulk", BenchmarkSuite.BULK_WORKER_ROLE), CLEANUP("cleanup", BenchmarkSuite.CLEANUP_WORKER_ROLE);

        final String settings;
        final String role;

        Kind(String settings, String role) {
            this.settings = settings;
            this.role = role;
        }
    }

    public final Kind kind;
    public final String workerId;
    private final Process process;
    private final Path log;

    private WorkerProcess(Kind kind, String workerId, Process process, Path log) {
        this.kind = kind;
        this.workerId = workerId;
        this.process = process;
        this.log = log;
    }

    /** @return a worker with the chaos suite's engine settings: a 3 s lease, sweeps every second, 10-item cleanup batches */
    public static WorkerProcess start(Kind kind, String workerId, String kafka, String mongoUri, Path filesRoot, Path logDir)
            throws IOException {
        String prefix = "--flowhub." + kind.settings + ".";
        return start(kind, workerId, kafka, mongoUri, filesRoot, logDir, List.of(
                prefix + "lease=" + ChaosStack.LEASE.toSeconds() + "s", prefix + "sweep-interval=1s",
                prefix + "outbox-grace=2s", "--flowhub.cleanup.batch-size=10"));
    }

    /** @param settings further {@code --name=value} settings; none for the services' defaults */
    public static WorkerProcess start(Kind kind, String workerId, String kafka, String mongoUri, Path filesRoot, Path logDir,
            List<String> settings) throws IOException {
        Path log = logDir.resolve(workerId + ".log");
        var arguments = new java.util.ArrayList<>(List.of(kind.role,
                "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongoUri,
                "--server.port=" + Ports.findFree(), "--flowhub.files.root=" + filesRoot,
                "--flowhub." + kind.settings + ".worker-id=" + workerId,
                "--spring.main.banner-mode=off", "--logging.level.org.springframework.kafka.listener=INFO",
                InProcessServices.WORKERS_WITHOUT_SECURITY));
        arguments.addAll(settings);
        Process process = ChildJvm.start(List.of("-Xmx384m"), arguments, log);
        return new WorkerProcess(kind, workerId, process, log);
    }

    /** @return how many lines of the worker's output say ERROR */
    public long errorLines() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" ERROR ")).count();
        }
    }

    /** Waits until the worker's consumer has joined its group and holds partitions. */
    public void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains("partitions assigned"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Worker " + workerId + " did not start; its output:\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(100);
        }
    }

    /** SIGKILL: no shutdown of any kind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the worker leaves its group and stops as it would on a deployment. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** SIGSTOP: the process stops where it is, its threads and timers with it, as in a long pause. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: the paused process goes on where it stopped. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
