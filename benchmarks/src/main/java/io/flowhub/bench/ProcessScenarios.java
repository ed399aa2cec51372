package io.flowhub.bench;

import io.flowhub.bulk.BulkWorkerApplication;
import io.flowhub.embedded.InProcessServices;
import io.flowhub.embedded.Ports;
import io.flowhub.events.BatchSize;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SelectionFilter;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;

/**
 * The scenarios whose measured side runs in a JVM of its own: B6 loads the gateway from a second
 * process, B7 watches a lone bulk-worker's heap through its garbage-collection log.
 */
public final class ProcessScenarios {

    /** B7 runs the worker in a heap of this size: the job completing in it is the target met. */
    static final int WORKER_HEAP_MIB = 256;
    public static final String WORKER_ROLE = "bulk-worker";
    private static final int CONCURRENCY = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BenchEnvironment env;

    ProcessScenarios(BenchEnvironment env) {
        this.env = env;
    }

    /**
     * B6: job polling and item creation under load from a second JVM, beside a no-op actuator
     * endpoint. A round loads each endpoint in turn for {@code seconds}; each round is one
     * repetition, its figure the round's p99. Rounds come in batches, each batch one run of the load
     * driver, until the polling row's verdict is settled or the plan is spent.
     */
    List<Result> b6(int seconds, int roundsPerBatch, Repetitions.Plan plan) throws Exception {
        ObjectId polled = env.seedItems(env.userId, 1, 1, "b6", 0).getFirst();
        String jobId = env.jobs.post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"itemIds\":[\"" + polled + "\"]}",
                env.token).get("job_id").asString();
        env.jobs.awaitJob(jobId);
        var auth = Map.of("Authorization", "Bearer " + env.token);
        var loadPlan = new GatewayLoad.Plan(2, seconds, roundsPerBatch, CONCURRENCY, List.of(
                new GatewayLoad.Target("no-op", "GET", env.uri("/actuator/info").toString(), Map.of(), null),
                new GatewayLoad.Target("job polling", "GET", env.uri("/api/v1/jobs/" + jobId).toString(), auth, null),
                new GatewayLoad.Target("item create", "POST", env.uri("/api/v1/items").toString(),
                        Map.of("Authorization", "Bearer " + env.token, "Content-Type", "application/json"),
                        "{\"name\":\"load\",\"tags\":[\"b6-load\"],\"test_data\":true}")));
        Target pollingTarget = Target.ratioAtMost(3, "p99 ≤ 3× the no-op's");
        var polling = new ArrayList<Repetition>();
        var creating = new ArrayList<Repetition>();
        var all = new java.util.HashMap<String, List<GatewayLoad.Round>>();
        long began = System.nanoTime();
        for (int batch = 0; polling.size() < plan.most(); batch++) {
            Map<String, List<GatewayLoad.Round>> rounds = loadBatch(loadPlan, batch);
            var noOp = rounds.get("no-op");
            for (int round = 0; round < noOp.size(); round++) {
                polling.add(repetition(rounds.get("job polling").get(round), noOp.get(round), batch));
                creating.add(repetition(rounds.get("item create").get(round), noOp.get(round), batch));
            }
            rounds.forEach((name, list) -> all.computeIfAbsent(name, key -> new ArrayList<>()).addAll(list));
            var counted = Repetitions.counted(polling);
            Estimate ratio = Result.ratioMedian(counted);
            log.info("B6 job polling: {} rounds ({} counted), p99 ratio {} [{}–{}], {}", polling.size(), counted.size(),
                    String.format(Locale.ROOT, "%.2f", ratio.value()), String.format(Locale.ROOT, "%.2f", ratio.low()),
                    String.format(Locale.ROOT, "%.2f", ratio.high()), pollingTarget.verdict(ratio).word());
            boolean spent = Duration.ofNanos(System.nanoTime() - began).compareTo(plan.budget()) >= 0;
            if (counted.size() >= plan.fewest() && (Repetitions.firm(pollingTarget, ratio) || spent)) {
                break;
            }
        }
        env.clearItems();
        return List.of(loadResult("job polling", "GET /api/v1/jobs/{id}", polling, loadPlan, pollingTarget, all),
                loadResult("item create", "POST /api/v1/items", creating, loadPlan, Target.NONE, all));
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProcessScenarios.class);

    /** Runs the load driver once, pinned away from the stack, and returns each target's rounds. */
    private Map<String, List<GatewayLoad.Round>> loadBatch(GatewayLoad.Plan plan, int batch) throws Exception {
        Path planFile = Files.writeString(env.dataDir.resolve("b6-plan.json"), JSON.writeValueAsString(plan));
        Path outcomeFile = env.dataDir.resolve("b6-outcome-" + batch + ".json");
        Path output = env.dataDir.resolve("b6-driver-" + batch + ".log");
        Path gcLog = driverGcLog(batch);
        env.settle();
        Process driver = ChildJvm.start(List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog + ":time"),
                List.of(GatewayLoad.ROLE, planFile.toString(), outcomeFile.toString()), output);
        env.cores.forLoad(driver.pid());
        try {
            long budget = (long) (plan.targets().size() * (plan.warmUpSeconds() + plan.seconds() * plan.rounds())) + 120;
            if (!driver.waitFor(budget, TimeUnit.SECONDS) || driver.exitValue() != 0 || !Files.exists(outcomeFile)) {
                driver.destroyForcibly();
                throw new IllegalStateException("The load driver failed; its output:\n" + Files.readString(output));
            }
        } finally {
            env.cores.release();
        }
        return JSON.readValue(Files.readString(outcomeFile),
                new TypeReference<Map<String, List<GatewayLoad.Round>>>() { });
    }

    private Path driverGcLog(int batch) {
        return env.dataDir.resolve("b6-driver-gc-" + batch + ".log");
    }

    private Repetition repetition(GatewayLoad.Round measured, GatewayLoad.Round noOp, int batch) {
        GcPauses driverPauses = GcPauses.read(driverGcLog(batch));
        return new Repetition(measured.p99(), noOp.p99(), env.conditions(Instant.ofEpochMilli(measured.start()),
                Instant.ofEpochMilli(measured.end()), driverPauses), env.conditions(Instant.ofEpochMilli(noOp.start()),
                Instant.ofEpochMilli(noOp.end()), driverPauses));
    }

    private static Result loadResult(String name, String request, List<Repetition> rounds, GatewayLoad.Plan plan,
            Target target, Map<String, List<GatewayLoad.Round>> all) {
        var counted = Repetitions.counted(rounds);
        long failed = all.get(name).stream().mapToLong(GatewayLoad.Round::failures).sum()
                + all.get("no-op").stream().mapToLong(GatewayLoad.Round::failures).sum();
        return new Result("B6", "Gateway under load: " + name, String.format(Locale.ROOT,
                "%s, %d in flight, rounds of %d s", request, plan.concurrency(), plan.seconds()), "p99", "ms",
                Result.projectMedian(counted), Bootstrap.median(counted.stream().map(Repetition::baseline).toList()),
                Result.ratioMedian(counted), target, rounds, String.format(Locale.ROOT,
                        "baseline: GET /actuator/info (no work) under the same load from the same driver, a JVM of "
                        + "its own, in the same round; a figure is the median over rounds of a round's p99, the "
                        + "ratio the median of each round's own ratio; %,.0f requests/s against the no-op's %,.0f "
                        + "(medians over rounds); %d failed", rate(all.get(name)), rate(all.get("no-op")), failed));
    }

    private static double rate(List<GatewayLoad.Round> rounds) {
        return Bootstrap.median(rounds.stream().map(GatewayLoad.Round::requestsPerSecond).toList()).value();
    }

    /**
     * B7: a lone bulk-worker's heap while it soft-deletes the items of a filter ({@code items} of
     * them), beside the same worker doing a small one ({@code baselineItems}). Stops the stack's
     * own services first, so that the lone worker gets every command: run it last.
     */
    Result b7(int items, int baselineItems) throws Exception {
        env.stopServices();
        ObjectId owner = env.newUser();
        String small = "b7-small-" + UUID.randomUUID();
        String large = "b7-large-" + UUID.randomUUID();
        env.seedItems(owner, baselineItems, baselineItems, small, 0);
        env.seedItems(owner, items, items, large, 0);
        HeapPeak baseline = heapWhileDeleting(small);
        HeapPeak project = heapWhileDeleting(large);
        // why: the million items stay; emptying them here takes minutes, and the run's data directory goes with it
        double projectPeak = project.heap().afterMib().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double baselinePeak = baseline.heap().afterMib().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new Result("B7", "Worker heap, filter job", String.format("%,d items vs %,d, batch %,d", items,
                baselineItems, BatchSize.MAX), "peak", "MiB", Estimate.single(projectPeak),
                Estimate.single(baselinePeak), Estimate.single(projectPeak / baselinePeak),
                Target.figureUnder(256, "heap peak < 256 MiB"),
                List.of(new Repetition(projectPeak, baselinePeak, project.conditions(), baseline.conditions())),
                String.format(Locale.ROOT,
                        "the worker ran alone with -Xmx%dm and finished both jobs in it (%,d items in %.0f s, "
                        + "%,d in %.0f s); one job each, the figure the most heap left after any of its collections "
                        + "(%,d and %,d collections): one figure, so its interval is itself, and the target holds "
                        + "by the job finishing in that heap; the heap in use before a collection peaked at "
                        + "%.0f MiB and %.0f MiB; baseline: the same worker on the small job", WORKER_HEAP_MIB,
                        project.items(), project.seconds(), baseline.items(), baseline.seconds(),
                        project.heap().afterMib().size(), baseline.heap().afterMib().size(),
                        project.heap().inUseMib(), baseline.heap().inUseMib()));
    }

    /** A job's items, duration and the worker's heap around each collection while it ran. */
    private record HeapPeak(long items, double seconds, GcLog heap, Conditions conditions) {
    }

    private HeapPeak heapWhileDeleting(String tag) throws Exception {
        Path gcLog = env.dataDir.resolve("b7-gc-" + tag + ".log");
        Path log = env.dataDir.resolve("b7-worker-" + tag + ".log");
        Process worker = ChildJvm.start(List.of("-Xmx" + WORKER_HEAP_MIB + "m", "-Xlog:gc:file=" + gcLog),
                List.of(WORKER_ROLE, "--spring.kafka.bootstrap-servers=" + env.kafkaBootstrapServers,
                        "--spring.mongodb.uri=" + env.mongoUri, "--server.port=" + Ports.findFree(),
                        "--spring.main.banner-mode=off", "--logging.level.org.springframework.kafka.listener=INFO",
                        InProcessServices.WORKERS_WITHOUT_SECURITY), log);
        try {
            awaitLogLine(worker, log, "partitions assigned", Duration.ofMinutes(2));
            var command = new SoftDeleteItems(SchemaVersion.CURRENT, UUID.randomUUID(), null, null, false, null,
                    new SelectionFilter(List.of(tag), null, null, null, null), BatchSize.MAX, Instant.now());
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, tag,
                        ContractJson.mapper().writerFor(BulkCommand.class).writeValueAsString(command))).get();
            }
            long start = System.nanoTime();
            Instant began = Instant.now();
            Document job = env.jobs.awaitJob(eq("command_id", command.commandId().toString()), Duration.ofMillis(200), () -> {
                if (!worker.isAlive()) {
                    throw new IllegalStateException("B7's worker stopped; its output:\n" + Files.readString(log));
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            Instant ended = Instant.now();
            env.load().mark();
            worker.destroy();
            worker.waitFor(30, TimeUnit.SECONDS);
            var heap = GcLog.of(Files.readAllLines(gcLog));
            if (heap.afterMib().isEmpty()) {
                throw new IllegalStateException("B7's worker made no collection on the " + tag + " job, so its GC "
                        + "log says nothing of its heap; the job is too small to measure");
            }
            return new HeapPeak(job.get("processed", Number.class).longValue(), seconds, heap,
                    env.conditions(began, ended));
        } finally {
            worker.destroyForcibly();
        }
    }

    private static void awaitLogLine(Process process, Path log, String line, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains(line))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The worker did not get to '" + line + "'; its output:\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(200);
        }
    }

    /** The bulk-worker role: the worker application, alone in this JVM. */
    public static void runWorker(String[] arguments) {
        BulkWorkerApplication.main(arguments);
    }
}
