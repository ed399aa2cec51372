package io.flowhub.bench.chaos;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;

/**
 * One round: seed a user's items (some already deleted, some with files) beside items that must
 * stay untouched, start one job through the API, inject one fault at a random point while it runs,
 * wait for the job, and check the invariants: the job is terminal, its counts are exact and add up,
 * its ledger names each item it changed exactly once, nothing outside its selection changed, no
 * file is left for a deleted item and none was removed for a kept one.
 */
final class ChaosRound {

    enum Fault { KILL, REBALANCE, DUPLICATE, KAFKA_DOWN, PAUSE, MONGO_STALL, GATEWAY_KILLED }

    enum Shape { BULK_IDS, BULK_FILTER, PURGE, TAG_CLEANUP, ADD_TAGS, ACTIVATE, SOFT_CLEANUP, RUN_CLEANUP, PLAN_APPLY, UNDO;

        /** @return true for the shapes whose job runs on bulk-worker */
        boolean bulk() {
            return this == BULK_IDS || this == BULK_FILTER || this == ADD_TAGS || this == ACTIVATE || this == UNDO;
        }

        /** @return true for the shapes that delete for good */
        boolean hard() {
            return this == PURGE || this == TAG_CLEANUP || this == RUN_CLEANUP || this == PLAN_APPLY;
        }
    }

    /** What else lands while the fault is on: nothing, a cancel of the job, or a second job on the same items. */
    enum Twist { NONE, CANCEL, TWIN }

    /**
     * @param injected   false when the job finished before the fault could be injected
     * @param violations the invariants that did not hold; empty when the round passed
     */
    record Outcome(int round, Fault fault, Shape shape, Twist twist, boolean injected, double seconds,
                   List<String> violations) {

        boolean passed() {
            return violations.isEmpty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ChaosRound.class);
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(10);

    private final ChaosStack stack;
    private final int round;
    private final Fault fault;
    private final Shape shape;
    private final Twist twist;
    private final Random random;
    private final ChaosData data;
    private final ChaosJobs jobs;
    private final ChaosRequests requests;
    private final List<String> violations = new ArrayList<>();
    private final String idempotencyKey = "chaos-" + UUID.randomUUID();

    ChaosRound(ChaosStack stack, int round, Fault fault, Shape shape, Twist twist, Random random) {
        this.stack = stack;
        this.round = round;
        this.fault = fault;
        this.shape = shape;
        this.twist = twist;
        this.random = random;
        this.data = new ChaosData(stack, round, shape);
        this.jobs = new ChaosJobs(stack);
        this.requests = new ChaosRequests(stack, round, shape, data, jobs);
    }

    Outcome run() throws Exception {
        data.seed();
        long start = System.nanoTime();
        boolean injected;
        ObjectId jobId;
        ObjectId twinId = null;
        ChaosRequests.Request request = requests.request(idempotencyKey);
        switch (fault) {
            case KAFKA_DOWN -> {
                stack.stopKafka();
                try {
                    jobId = requests.submit(request);
                    injected = stack.database.getCollection("job_outbox").countDocuments(eq("_id", jobId)) == 1;
                    Thread.sleep(random.nextInt(3_000));
                } finally {
                    stack.startKafka();
                }
            }
            case GATEWAY_KILLED -> {
                jobId = requests.submitThroughAGatewayKilledBeforeItPublishes(request, violations);
                injected = jobId != null;
                if (jobId == null) {
                    jobId = requests.submit(request);
                }
            }
            default -> {
                jobId = requests.submit(request);
                if (twist == Twist.TWIN) {
                    twinId = requests.submit(requests.request("twin-" + idempotencyKey));
                }
                injected = injectWhileRunning(jobId);
                if (twist == Twist.CANCEL) {
                    var cancel = stack.post("/api/v1/internal/jobs/" + jobId.toHexString() + "/cancel", "",
                            Map.of("x-internal-key", ChaosStack.INTERNAL_KEY));
                    log.info("Round {}: cancel during the fault answered {}", round, cancel.status());
                }
            }
        }
        Document job = jobs.awaitFinished(jobId, Duration.ofMinutes(3));
        Document twin = twinId == null ? null : jobs.awaitFinished(twinId, Duration.ofMinutes(3));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (job == null || (twinId != null && twin == null)) {
            violations.add("job " + jobId + (twinId == null ? "" : " or its twin " + twinId)
                    + " did not finish within 3 minutes: " + jobs.job(jobId).toJson());
        } else {
            jobs.awaitSettled(jobId);
            if (twinId != null) {
                jobs.awaitSettled(twinId);
            }
            job = jobs.job(jobId);
            twin = twinId == null ? null : jobs.job(twinId);
            if (fault == Fault.DUPLICATE) {
                // why: once settled: a cancelled job's last batch is counted after the cancel, by its worker or the sweep
                jobs.publishAgain(job);
                Thread.sleep(3_000);
                Document after = jobs.job(jobId);
                if (!same(job, after, "attempts", "processed", "skipped", "failed", "status")) {
                    violations.add("a command delivered after its job finished changed the job: " + job.toJson()
                            + " -> " + after.toJson());
                }
            }
            violations.addAll(new ChaosInvariants(stack, shape, data).check(job, twin));
        }
        stack.keepTwoWorkersOfEachKind();
        return new Outcome(round, fault, shape, twist, injected, seconds, List.copyOf(violations));
    }

    /** @return false when the job finished before the fault's moment came */
    private boolean injectWhileRunning(ObjectId jobId) throws Exception {
        int afterBatches = 1 + random.nextInt(8);
        Document running = jobs.awaitBatches(jobId, afterBatches);
        if (running == null) {
            return false;
        }
        WorkerProcess.Kind kind = shape.bulk() ? WorkerProcess.Kind.BULK : WorkerProcess.Kind.CLEANUP;
        WorkerProcess holder = stack.workers(kind).stream()
                .filter(worker -> worker.workerId.equals(running.getString("worker_id"))).findFirst().orElse(null);
        switch (fault) {
            case KILL -> {
                if (holder == null) {
                    return false;
                }
                log.info("Round {}: killing {} after batch {}", round, holder.workerId, running.get("batches"));
                stack.removeWorker(holder, true);
            }
            case REBALANCE -> {
                // why: a third instance joins while the job runs, and one of the first two leaves
                var joining = CompletableFuture.runAsync(() -> {
                    try {
                        stack.addWorker(kind);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                WorkerProcess leaving = holder != null && random.nextBoolean() ? holder
                        : stack.workers(kind).get(random.nextInt(stack.workers(kind).size()));
                log.info("Round {}: {} leaves after batch {} while another instance joins", round, leaving.workerId,
                        running.get("batches"));
                stack.removeWorker(leaving, false);
                joining.get(3, TimeUnit.MINUTES);
            }
            case DUPLICATE -> {
                log.info("Round {}: delivering the command of job {} twice more after batch {}", round, jobId,
                        running.get("batches"));
                jobs.publishAgain(running);
                jobs.publishAgain(running);
            }
            case PAUSE -> {
                if (holder == null) {
                    return false;
                }
                log.info("Round {}: pausing {} (SIGSTOP) after batch {}", round, holder.workerId, running.get("batches"));
                holder.pause();
                try {
                    jobs.awaitTakenOverFrom(jobId, holder.workerId);
                } finally {
                    holder.resume();
                }
            }
            case MONGO_STALL -> {
                if (random.nextBoolean()) {
                    stack.proxy.stall(DATABASE_OUTAGE);
                } else {
                    stack.proxy.cut(DATABASE_OUTAGE);
                }
            }
            case KAFKA_DOWN, GATEWAY_KILLED -> throw new IllegalStateException(fault + " is injected at submit");
        }
        return true;
    }

    private static boolean same(Document before, Document after, String... fields) {
        for (String field : fields) {
            if (!java.util.Objects.equals(before.get(field), after.get(field))) {
                return false;
            }
        }
        return true;
    }


}
