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

    enum Fault { KILL, REBALANCE, DUPLICATE, KAFKA_DOWN }

    enum Shape { BULK_IDS, BULK_FILTER, PURGE, TAG_CLEANUP }

    /**
     * @param injected   false when the job finished before the fault could be injected
     * @param violations the invariants that did not hold; empty when the round passed
     */
    record Outcome(int round, Fault fault, Shape shape, boolean injected, double seconds, List<String> violations) {

        boolean passed() {
            return violations.isEmpty();
        }
    }

    static final int UNKNOWN_IDS = 5;
    private static final Logger log = LoggerFactory.getLogger(ChaosRound.class);
    private static final int BULK_BATCH = 5;

    private final ChaosStack stack;
    private final int round;
    private final Fault fault;
    private final Shape shape;
    private final Random random;
    private final ChaosData data;
    private final List<String> violations = new ArrayList<>();

    ChaosRound(ChaosStack stack, int round, Fault fault, Shape shape, Random random) {
        this.stack = stack;
        this.round = round;
        this.fault = fault;
        this.shape = shape;
        this.random = random;
        this.data = new ChaosData(stack, round, shape);
    }

    Outcome run() throws Exception {
        data.seed();
        long start = System.nanoTime();
        boolean injected;
        ObjectId jobId;
        if (fault == Fault.KAFKA_DOWN) {
            stack.stopKafka();
            try {
                jobId = submit();
                injected = stack.database.getCollection("job_outbox").countDocuments(eq("_id", jobId)) == 1;
                Thread.sleep(random.nextInt(3_000));
            } finally {
                stack.startKafka();
            }
        } else {
            jobId = submit();
            injected = injectWhileRunning(jobId);
        }
        Document job = awaitFinished(jobId, Duration.ofMinutes(3));
        if (fault == Fault.DUPLICATE && job != null) {
            publishAgain(job);
            Thread.sleep(3_000);
            Document after = job(jobId);
            if (!same(job, after, "attempts", "processed", "skipped", "failed", "status")) {
                violations.add("a command delivered after its job finished changed the job: " + job.toJson() + " -> "
                        + after.toJson());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (job == null) {
            violations.add("job " + jobId + " did not finish within 3 minutes: " + job(jobId).toJson());
        } else {
            violations.addAll(new ChaosInvariants(stack, shape, data).check(job));
        }
        keepTwoWorkersOfEachKind();
        return new Outcome(round, fault, shape, injected, seconds, List.copyOf(violations));
    }

    private ObjectId submit() throws Exception {
        var admin = Map.of("Authorization", "Bearer " + stack.adminToken);
        var internal = Map.of("x-internal-key", ChaosStack.INTERNAL_KEY, "Prefer", "respond-async");
        ChaosStack.Response response = switch (shape) {
            case BULK_IDS -> {
                var ids = new ArrayList<String>(data.targets.stream().map(ObjectId::toHexString).toList());
                for (int i = 0; i < UNKNOWN_IDS; i++) {
                    ids.add(new ObjectId().toHexString());
                }
                yield stack.post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"itemIds\":[\""
                        + String.join("\",\"", ids) + "\"],\"batchSize\":" + BULK_BATCH + "}", admin);
            }
            case BULK_FILTER -> stack.post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"filter\":{\"tags\":[\""
                    + data.tag + "\"],\"status\":\"active\"},\"batchSize\":" + BULK_BATCH + "}", admin);
            case PURGE -> stack.delete("/api/v1/internal/users/" + data.user.toHexString() + "/data", internal);
            case TAG_CLEANUP -> stack.post("/api/v1/internal/cleanup-test-data",
                    "{\"tags\":[\"" + data.tag + "\"],\"hard_delete\":true}", internal);
        };
        if (response.status() != 202) {
            throw new IllegalStateException("Round " + round + ": the job was not accepted: " + response.status() + " "
                    + response.body());
        }
        return new ObjectId(response.body().get("job_id").asString());
    }

    /** @return false when the job finished before the fault's moment came */
    private boolean injectWhileRunning(ObjectId jobId) throws Exception {
        int afterBatches = 1 + random.nextInt(8);
        Document running = awaitBatches(jobId, afterBatches);
        if (running == null) {
            return false;
        }
        WorkerProcess.Kind kind = shape == Shape.BULK_IDS || shape == Shape.BULK_FILTER
                ? WorkerProcess.Kind.BULK : WorkerProcess.Kind.CLEANUP;
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
            case KAFKA_DOWN -> throw new IllegalStateException("Kafka is stopped before the job is submitted");
        }
        return true;
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
