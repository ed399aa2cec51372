package io.flowhub.bench.chaos;

import io.flowhub.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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

    static final int UNKNOWN_IDS = 5;
    static final String ADDED_TAG = "chaos-added";
    private static final Logger log = LoggerFactory.getLogger(ChaosRound.class);
    private static final int BULK_BATCH = 5;
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(10);

    private final ChaosStack stack;
    private final int round;
    private final Fault fault;
    private final Shape shape;
    private final Twist twist;
    private final Random random;
    private final ChaosData data;
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
    }

    Outcome run() throws Exception {
        data.seed();
        long start = System.nanoTime();
        boolean injected;
        ObjectId jobId;
        ObjectId twinId = null;
        Request request = request(idempotencyKey);
        switch (fault) {
            case KAFKA_DOWN -> {
                stack.stopKafka();
                try {
                    jobId = submit(request);
                    injected = stack.database.getCollection("job_outbox").countDocuments(eq("_id", jobId)) == 1;
                    Thread.sleep(random.nextInt(3_000));
                } finally {
                    stack.startKafka();
                }
            }
            case GATEWAY_KILLED -> {
                jobId = submitThroughAGatewayKilledBeforeItPublishes(request);
                injected = jobId != null;
                if (jobId == null) {
                    jobId = submit(request);
                }
            }
            default -> {
                jobId = submit(request);
                if (twist == Twist.TWIN) {
                    twinId = submit(request("twin-" + idempotencyKey));
                }
                injected = injectWhileRunning(jobId);
                if (twist == Twist.CANCEL) {
                    var cancel = stack.post("/api/v1/internal/jobs/" + jobId.toHexString() + "/cancel", "",
                            Map.of("x-internal-key", ChaosStack.INTERNAL_KEY));
                    log.info("Round {}: cancel during the fault answered {}", round, cancel.status());
                }
            }
        }
        Document job = awaitFinished(jobId, Duration.ofMinutes(3));
        Document twin = twinId == null ? null : awaitFinished(twinId, Duration.ofMinutes(3));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (job == null || (twinId != null && twin == null)) {
            violations.add("job " + jobId + (twinId == null ? "" : " or its twin " + twinId)
                    + " did not finish within 3 minutes: " + job(jobId).toJson());
        } else {
            awaitSettled(jobId);
            if (twinId != null) {
                awaitSettled(twinId);
            }
            job = job(jobId);
            twin = twinId == null ? null : job(twinId);
            if (fault == Fault.DUPLICATE) {
                // why: once settled: a cancelled job's last batch is counted after the cancel, by its worker or the sweep
                publishAgain(job);
                Thread.sleep(3_000);
                Document after = job(jobId);
                if (!same(job, after, "attempts", "processed", "skipped", "failed", "status")) {
                    violations.add("a command delivered after its job finished changed the job: " + job.toJson()
                            + " -> " + after.toJson());
                }
            }
            violations.addAll(new ChaosInvariants(stack, shape, data).check(job, twin));
        }
        keepTwoWorkersOfEachKind();
        return new Outcome(round, fault, shape, twist, injected, seconds, List.copyOf(violations));
    }

    /** A call to the gateway: what starts the round's job. */
    private record Request(String method, String path, String body, Map<String, String> headers, boolean keyed) {
    }

    /** @return the call that starts the round's job; a plan's dry run or an undone job is made first */
    private Request request(String key) throws Exception {
        var admin = Map.of("Authorization", "Bearer " + stack.adminToken, "Idempotency-Key", key);
        var internal = Map.of("x-internal-key", ChaosStack.INTERNAL_KEY, "Prefer", "respond-async");
        return switch (shape) {
            case BULK_IDS -> bulk("delete", admin);
            case ADD_TAGS -> bulk("add_tags", admin);
            case ACTIVATE -> bulk("activate", admin);
            // why: the ADMIN names the user whose items it filters; a filter without created_by is the ADMIN's own items
            case BULK_FILTER -> new Request("POST", "/api/v1/bulk-operations", "{\"operation\":\"delete\",\"filter\":"
                    + "{\"tags\":[\"" + data.tag + "\"],\"status\":\"active\",\"created_by\":\"" + data.user.toHexString()
                    + "\"},\"batchSize\":" + BULK_BATCH + "}", admin, true);
            case PURGE -> new Request("DELETE", "/api/v1/internal/users/" + data.user.toHexString() + "/data", null,
                    internal, false);
            case TAG_CLEANUP -> new Request("POST", "/api/v1/internal/cleanup-test-data",
                    "{\"tags\":[\"" + data.tag + "\"],\"hard_delete\":true}", internal, false);
            case SOFT_CLEANUP -> new Request("POST", "/api/v1/internal/cleanup-test-data",
                    "{\"tags\":[\"" + data.tag + "\"],\"hard_delete\":false}", internal, false);
            case RUN_CLEANUP -> new Request("DELETE", "/api/v1/internal/runs/" + data.runId, null, internal, false);
            case PLAN_APPLY -> {
                var planned = stack.delete("/api/v1/internal/runs/" + data.runId + "?dry_run=true&plan=true",
                        Map.of("x-internal-key", ChaosStack.INTERNAL_KEY));
                String plan = planned.body().path("plan").path("plan_id").asString();
                if (planned.status() != 200 || plan == null || plan.isEmpty()) {
                    throw new IllegalStateException("Round " + round + ": no plan: " + planned.status() + " "
                            + planned.body());
                }
                yield new Request("POST", "/api/v1/internal/plans/" + plan + "/apply", "", internal, false);
            }
            case UNDO -> {
                if (data.undone == null) {
                    var deleting = stack.post("/api/v1/bulk-operations", bulk("delete", Map.of()).body(),
                            Map.of("Authorization", "Bearer " + stack.adminToken));
                    data.undone = new ObjectId(deleting.body().get("job_id").asString());
                    if (awaitFinished(data.undone, Duration.ofMinutes(2)) == null) {
                        throw new IllegalStateException("Round " + round + ": the job to undo did not finish");
                    }
                }
                yield new Request("POST", "/api/v1/jobs/" + data.undone.toHexString() + "/undo", "",
                        Map.of("Authorization", "Bearer " + stack.adminToken), true);
            }
        };
    }

    private Request bulk(String operation, Map<String, String> headers) {
        var ids = new ArrayList<String>(data.targets.stream().map(ObjectId::toHexString).toList());
        for (int i = 0; i < UNKNOWN_IDS; i++) {
            ids.add(new ObjectId().toHexString());
        }
        String tags = operation.equals("add_tags") ? ",\"tags\":[\"" + ADDED_TAG + "\"]" : "";
        return new Request("POST", "/api/v1/bulk-operations", "{\"operation\":\"" + operation + "\",\"itemIds\":[\""
                + String.join("\",\"", ids) + "\"]" + tags + ",\"batchSize\":" + BULK_BATCH + "}", headers, true);
    }

    private ObjectId submit(Request request) throws Exception {
        ChaosStack.Response response = stack.call(null, request.method(), request.path(), request.body(),
                request.headers());
        if (response.status() != 202) {
            throw new IllegalStateException("Round " + round + ": the job was not accepted: " + response.status() + " "
                    + response.body());
        }
        return new ObjectId(response.body().get("job_id").asString());
    }

    /**
     * A gateway in a JVM of its own records the job and is killed before Kafka takes its command (Kafka is down, and
     * the gateway waits a minute for it); the client, which got no answer, sends the request again to another gateway
     * with its key, which must answer with the recorded job, and the job must run (its outbox entry is sent).
     *
     * @return the recorded job, or null when the doomed gateway recorded none
     */
    private ObjectId submitThroughAGatewayKilledBeforeItPublishes(Request request) throws Exception {
        GatewayProcess doomed = stack.startDoomedGateway();
        java.util.Date before = new java.util.Date();
        stack.stopKafka();
        ObjectId recorded = null;
        try {
            var lost = CompletableFuture.supplyAsync(() -> {
                try {
                    return stack.call(doomed.port, request.method(), request.path(), request.body(), request.headers());
                } catch (Exception e) {
                    return null;
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (recorded == null && System.nanoTime() < deadline && !lost.isDone()) {
                Document job = stack.database.getCollection("jobs").find(com.mongodb.client.model.Filters.gte("created_at",
                        before)).first();
                recorded = job == null ? null : job.getObjectId("_id");
                Thread.sleep(20);
            }
            log.info("Round {}: killing the gateway that recorded job {} before it could publish", round, recorded);
            doomed.kill();
        } finally {
            stack.startKafka();
        }
        if (recorded != null && request.keyed()) {
            ObjectId retried = submit(request);
            if (!retried.equals(recorded)) {
                violations.add("the client's retry with its Idempotency-Key got job " + retried + ", not the recorded "
                        + recorded);
            }
        }
        return recorded;
    }

    /** @return false when the job finished before the fault's moment came */
    private boolean injectWhileRunning(ObjectId jobId) throws Exception {
        int afterBatches = 1 + random.nextInt(8);
        Document running = awaitBatches(jobId, afterBatches);
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
                publishAgain(running);
                publishAgain(running);
            }
            case PAUSE -> {
                if (holder == null) {
                    return false;
                }
                log.info("Round {}: pausing {} (SIGSTOP) after batch {}", round, holder.workerId, running.get("batches"));
                holder.pause();
                try {
                    awaitTakenOverFrom(jobId, holder.workerId);
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

    /** Waits until another worker holds the job, or it ended, or three leases and a sweep went by. */
    private void awaitTakenOverFrom(ObjectId jobId, String paused) throws InterruptedException {
        long deadline = System.nanoTime() + ChaosStack.LEASE.multipliedBy(3).plusSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            Document job = job(jobId);
            if (job == null || !"running".equals(job.getString("status"))
                    || (job.getString("worker_id") != null && !paused.equals(job.getString("worker_id")))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until what an ended job's worker left is settled: no item claimed (the claims of ended jobs go within a
     * lease and a sweep), and a cancelled job's counts folded with its ledger (the sweeper does it once no worker can
     * write the job any more: {@code ledger_settled}).
     */
    private void awaitSettled(ObjectId jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Document job = job(jobId);
            boolean claims = stack.database.getCollection("items")
                    .countDocuments(com.mongodb.client.model.Filters.exists("deleting_job")) > 0;
            boolean unsettled = job != null && !"completed".equals(job.getString("status"))
                    && !job.getBoolean("ledger_settled", false);
            if (!claims && !unsettled) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private void publishAgain(Document job) throws Exception {
        String topic = job.getString("kind").equals("bulk") ? Topics.BULK_COMMANDS : Topics.CLEANUP_COMMANDS;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            String key = job.getString("target_user_id") != null ? job.getString("target_user_id")
                    : job.getString("owner_id");
            producer.send(new ProducerRecord<>(topic, key, job.getString("command"))).get();
        }
    }

    private void keepTwoWorkersOfEachKind() throws Exception {
        for (WorkerProcess.Kind kind : WorkerProcess.Kind.values()) {
            while (stack.workers(kind).size() < 2) {
                stack.addWorker(kind);
            }
            while (stack.workers(kind).size() > 2) {
                stack.removeWorker(stack.workers(kind).getFirst(), false);
            }
        }
    }

    private Document awaitBatches(ObjectId jobId, int batches) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Document job = job(jobId);
            if (job != null && List.of("completed", "failed", "cancelled").contains(job.getString("status"))) {
                return null;
            }
            if (job != null && job.get("batches", 0) >= batches && job.getString("worker_id") != null) {
                return job;
            }
            Thread.sleep(5);
        }
        return null;
    }

    private Document awaitFinished(ObjectId jobId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Document job = job(jobId);
            if (job != null && List.of("completed", "failed", "cancelled").contains(job.getString("status"))) {
                return job;
            }
            Thread.sleep(50);
        }
        return null;
    }

    private Document job(ObjectId jobId) {
        return stack.database.getCollection("jobs").find(eq("_id", jobId)).first();
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
