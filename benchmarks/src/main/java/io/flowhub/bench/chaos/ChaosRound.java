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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

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

    private static final Logger log = LoggerFactory.getLogger(ChaosRound.class);
    private static final int TARGETS = 200;
    private static final int ALREADY_DELETED = 20;
    private static final int TARGET_FILES = 20;
    private static final int UNKNOWN_IDS = 5;
    private static final int BULK_BATCH = 5;

    private final ChaosStack stack;
    private final int round;
    private final Fault fault;
    private final Shape shape;
    private final Random random;
    private final ObjectId user = new ObjectId();
    private final ObjectId other = new ObjectId();
    private final String tag;
    private final List<ObjectId> targets = new ArrayList<>();
    private final Set<ObjectId> activeTargets = new HashSet<>();
    private final Set<ObjectId> userItems = new HashSet<>();
    private final Map<ObjectId, Document> untouched = new HashMap<>();
    private final Map<ObjectId, Path> files = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    ChaosRound(ChaosStack stack, int round, Fault fault, Shape shape, Random random) {
        this.stack = stack;
        this.round = round;
        this.fault = fault;
        this.shape = shape;
        this.random = random;
        this.tag = "chaos-" + round + "-" + user.toHexString().substring(16);
    }

    Outcome run() throws Exception {
        seed();
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
            check(job);
        }
        keepTwoWorkersOfEachKind();
        return new Outcome(round, fault, shape, injected, seconds, List.copyOf(violations));
    }

    private void seed() throws Exception {
        Date now = new Date();
        stack.database.getCollection("users").insertMany(List.of(userDocument(user, now), userDocument(other, now)));
        var items = new ArrayList<Document>();
        for (int i = 0; i < TARGETS; i++) {
            var item = item(user, List.of(tag), i < ALREADY_DELETED ? now : null, now);
            targets.add(item.getObjectId("_id"));
            if (i >= ALREADY_DELETED) {
                activeTargets.add(item.getObjectId("_id"));
            }
            if (i % (TARGETS / TARGET_FILES) == 0) {
                attachFile(item);
            }
            items.add(item);
        }
        for (int i = 0; i < 30; i++) {
            var kept = item(user, List.of("keep-" + round), null, now);
            if (i % 6 == 0) {
                attachFile(kept);
            }
            items.add(kept);
        }
        for (int i = 0; i < 60; i++) {
            var bystander = item(other, List.of("keep-" + round, "bystander"), null, now);
            if (i % 12 == 0) {
                attachFile(bystander);
            }
            items.add(bystander);
        }
        stack.database.getCollection("items").insertMany(items);
        for (Document item : items) {
            if (user.equals(item.getObjectId("created_by"))) {
                userItems.add(item.getObjectId("_id"));
            }
            if (!mayChange(item)) {
                untouched.put(item.getObjectId("_id"), item);
            }
        }
    }

    /** @return whether the round's job may change or delete this item */
    private boolean mayChange(Document item) {
        ObjectId id = item.getObjectId("_id");
        return switch (shape) {
            case BULK_IDS, BULK_FILTER -> activeTargets.contains(id);
            case TAG_CLEANUP -> targets.contains(id);
            case PURGE -> user.equals(item.getObjectId("created_by"));
        };
    }

    private ObjectId submit() throws Exception {
        var admin = Map.of("Authorization", "Bearer " + stack.adminToken);
        var internal = Map.of("x-internal-key", ChaosStack.INTERNAL_KEY, "Prefer", "respond-async");
        ChaosStack.Response response = switch (shape) {
            case BULK_IDS -> {
                var ids = new ArrayList<String>(targets.stream().map(ObjectId::toHexString).toList());
                for (int i = 0; i < UNKNOWN_IDS; i++) {
                    ids.add(new ObjectId().toHexString());
                }
                yield stack.post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"itemIds\":[\""
                        + String.join("\",\"", ids) + "\"],\"batchSize\":" + BULK_BATCH + "}", admin);
            }
            case BULK_FILTER -> stack.post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"filter\":{\"tags\":[\""
                    + tag + "\"],\"status\":\"active\"},\"batchSize\":" + BULK_BATCH + "}", admin);
            case PURGE -> stack.delete("/api/v1/internal/users/" + user.toHexString() + "/data", internal);
            case TAG_CLEANUP -> stack.post("/api/v1/internal/cleanup-test-data",
                    "{\"tags\":[\"" + tag + "\"],\"hard_delete\":true}", internal);
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

    private void check(Document job) throws Exception {
        ObjectId jobId = job.getObjectId("_id");
        if (!"completed".equals(job.getString("status"))) {
            violations.add("job ended " + job.getString("status") + ": " + job.getString("failure_reason"));
        }
        long processed = number(job, "processed");
        long skipped = number(job, "skipped");
        long failed = number(job, "failed");
        long total = number(job, "total_items");
        if (processed + skipped + failed != total) {
            violations.add("processed " + processed + " + skipped " + skipped + " + failed " + failed
                    + " != total_items " + total);
        }
        var ledger = new ArrayList<ObjectId>();
        stack.database.getCollection("job_ledger").find(eq("job_id", jobId))
                .forEach(entry -> ledger.addAll(entry.getList("item_ids", ObjectId.class)));
        if (new HashSet<>(ledger).size() != ledger.size()) {
            violations.add("the ledger names an item more than once (" + ledger.size() + " entries, "
                    + new HashSet<>(ledger).size() + " items)");
        }
        Set<ObjectId> expected = switch (shape) {
            case BULK_IDS, BULK_FILTER -> activeTargets;
            case TAG_CLEANUP -> new HashSet<>(targets);
            case PURGE -> userItems;
        };
        if (!new HashSet<>(ledger).equals(expected)) {
            violations.add("the ledger names " + new HashSet<>(ledger).size() + " items; the selection held "
                    + expected.size());
        }
        Document result = job.get("result", new Document());
        switch (shape) {
            case BULK_IDS -> {
                expect("processed", processed, TARGETS - ALREADY_DELETED);
                expect("already_done", number(job.get("skip_reasons", new Document()), "already_done"),
                        ALREADY_DELETED);
                expect("not_found", number(job.get("skip_reasons", new Document()), "not_found"), UNKNOWN_IDS);
                expectSoftDeleted(jobId);
            }
            case BULK_FILTER -> {
                expect("processed", processed, TARGETS - ALREADY_DELETED);
                expect("skipped", skipped, 0);
                expectSoftDeleted(jobId);
            }
            case TAG_CLEANUP, PURGE -> {
                expect("result.items", number(result, "items"), expected.size());
                long expectedFiles = files.keySet().stream().filter(expected::contains).count();
                expect("result.files", number(result, "files"), expectedFiles);
                long left = stack.database.getCollection("items").countDocuments(in("_id", expected));
                expect("items left of the selection", left, 0);
            }
        }
        for (var entry : untouched.entrySet()) {
            Document now = stack.database.getCollection("items").find(eq("_id", entry.getKey())).first();
            if (!entry.getValue().equals(now)) {
                violations.add("item " + entry.getKey() + " outside the selection changed: " + entry.getValue().toJson()
                        + " -> " + (now == null ? "deleted" : now.toJson()));
                break;
            }
        }
        boolean hard = shape == Shape.PURGE || shape == Shape.TAG_CLEANUP;
        for (var file : files.entrySet()) {
            boolean deleted = hard && expected.contains(file.getKey());
            if (deleted && Files.exists(file.getValue())) {
                violations.add("the file of deleted item " + file.getKey() + " is still there");
            }
            if (!deleted && !Files.exists(file.getValue())) {
                violations.add("the file of kept item " + file.getKey() + " was removed");
            }
        }
        long claimed = stack.database.getCollection("items").countDocuments(exists("deleting_job"));
        expect("items left claimed for deletion", claimed, 0);
    }

    private void expectSoftDeleted(ObjectId jobId) {
        for (Document item : stack.database.getCollection("items").find(in("_id", activeTargets))) {
            if (item.getBoolean("is_active", true) || !jobId.equals(item.getObjectId("last_job_id"))) {
                violations.add("item " + item.getObjectId("_id") + " was not soft-deleted by the job: " + item.toJson());
                return;
            }
        }
    }

    private void expect(String what, long actual, long expected) {
        if (actual != expected) {
            violations.add(what + " is " + actual + ", expected " + expected);
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

    private void attachFile(Document item) throws Exception {
        String relative = "items/chaos-" + round + "/" + item.getObjectId("_id").toHexString() + ".txt";
        Path file = stack.filesRoot.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "chaos " + round);
        item.append("file_path", relative);
        files.put(item.getObjectId("_id"), file);
    }

    private static Document item(ObjectId owner, List<String> tags, Date deletedAt, Date now) {
        return new Document("_id", new ObjectId()).append("name", "chaos item").append("description", null)
                .append("tags", tags).append("test_data", true).append("created_by", owner)
                .append("is_active", deletedAt == null).append("deleted_at", deletedAt).append("created_at", now)
                .append("updated_at", now);
    }

    private static Document userDocument(ObjectId id, Date now) {
        return new Document("_id", id).append("email", "chaos-" + id.toHexString() + "@example.com")
                .append("name", "Chaos").append("password_hash", "-").append("role", "EDITOR").append("created_at", now);
    }

    private static boolean same(Document before, Document after, String... fields) {
        for (String field : fields) {
            if (!java.util.Objects.equals(before.get(field), after.get(field))) {
                return false;
            }
        }
        return true;
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
