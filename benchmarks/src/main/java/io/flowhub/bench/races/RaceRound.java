package io.flowhub.bench.races;

import io.flowhub.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.nin;

/**
 * One round: a seeded random schedule of concurrent operations on one user's items over both gateways — the same
 * request with one key, other keyed jobs over overlapping items, a cancel racing the job's end, one job undone twice
 * at once, a plan applied twice at once or a run cleanup against a bulk job on the run's items, sometimes a purge of
 * the user while its jobs run, a dead letter replayed twice at once, item edits throughout — then the checks of
 * {@link RaceChecks} on what every call answered, the jobs, their ledgers and the items.
 */
final class RaceRound {

    /** The races a round may run; {@link #SAME_KEY}, {@link #OTHER_KEYS} and {@link #ITEM_EDITS} run in every one. */
    enum Race { SAME_KEY, OTHER_KEYS, CANCEL_VS_FINISH, UNDO_TWICE, PLAN_TWICE, RUN_VS_BULK, PURGE_WHILE_RUNNING, DLT_TWICE,
        ITEM_EDITS }

    /** What a round did and found. */
    record Outcome(int round, long seed, Set<Race> races, double seconds, List<String> violations) {

        boolean passed() {
            return violations.isEmpty();
        }
    }

    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final RaceStack stack;
    private final int round;
    private final long seed;
    private final Random random;
    private final String bystanderId;
    private final List<RaceClient.Answer> history = Collections.synchronizedList(new ArrayList<>());
    private final List<RaceClient> gateways;
    private final RaceData data = new RaceData();
    private final Set<Race> races = EnumSet.of(Race.SAME_KEY, Race.OTHER_KEYS, Race.ITEM_EDITS);
    final Keyed keyed = new Keyed();

    /** What the checks need to know of the keyed calls. */
    static final class Keyed {
        volatile String sameKey;
        volatile String addTagsJob;
        volatile String dltCommandId;
    }

    /** @param seed the round's own seed: the suite's seed and the round's number make it, so a round replays alone */
    RaceRound(RaceStack stack, int round, long seed, String bystanderId) {
        this.stack = stack;
        this.round = round;
        this.seed = seed;
        this.random = new Random(seed);
        this.bystanderId = bystanderId;
        this.gateways = stack.clients(history);
    }

    Outcome run() throws Exception {
        Date began = new Date();
        long start = System.nanoTime();
        data.seed(stack, gateways.getFirst(), bystanderId);
        if (random.nextBoolean()) {
            races.add(Race.CANCEL_VS_FINISH);
        }
        if (random.nextBoolean()) {
            races.add(Race.UNDO_TWICE);
        }
        races.add(random.nextBoolean() ? Race.PLAN_TWICE : Race.RUN_VS_BULK);
        if (random.nextInt(4) == 0) {
            races.add(Race.PURGE_WHILE_RUNNING);
        }
        if (random.nextInt(5) < 2) {
            races.add(Race.DLT_TWICE);
        }
        var violations = new ArrayList<String>();
        var operations = schedule();
        var go = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = new ArrayList<Future<Void>>();
            for (Callable<Void> operation : operations) {
                running.add(executor.submit(() -> {
                    go.await();
                    return operation.call();
                }));
            }
            go.countDown();
            for (Future<Void> operation : running) {
                try {
                    operation.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    violations.add("an operation did not finish: " + e);
                    operation.cancel(true);
                }
            }
        }
        violations.addAll(settle(began));
        violations.addAll(new RaceChecks(stack, data, keyed, history, began).check());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(round, seed, Set.copyOf(races), seconds, List.copyOf(violations));
    }

    private List<Callable<Void>> schedule() {
        var operations = new ArrayList<Callable<Void>>();
        List<ObjectId> deleted = pick(8);
        List<ObjectId> tagged = pick(8);
        List<ObjectId> third = pick(6);
        int sameKeyRequests = 3 + random.nextInt(4);
        keyed.sameKey = "same-" + UUID.randomUUID();
        String deleteBody = bulk("delete", deleted, null, 2);
        var sameKeyJob = new java.util.concurrent.CompletableFuture<String>();
        for (int i = 0; i < sameKeyRequests; i++) {
            RaceClient gateway = gateways.get(i % gateways.size());
            int delay = random.nextInt(50);
            operations.add(() -> {
                pause(delay);
                var answer = gateway.send("same_key", "POST", "/api/v1/bulk-operations", deleteBody,
                        user(Map.of("Idempotency-Key", keyed.sameKey)));
                if (answer.status() == 202) {
                    sameKeyJob.complete(answer.text("job_id"));
                }
                return null;
            });
        }
        String third0 = random.nextBoolean() ? bulk("activate", third, null, 2) : bulk("remove_tags", third, "keep", 2);
        RaceClient tagging = any();
        RaceClient other = any();
        var addTags = new java.util.concurrent.CompletableFuture<String>();
        operations.add(() -> {
            var answer = tagging.send("other_keys", "POST", "/api/v1/bulk-operations", bulk("add_tags", tagged, "x", 3),
                    user(Map.of("Idempotency-Key", "tags-" + UUID.randomUUID())));
            addTags.complete(answer.status() == 202 ? answer.text("job_id") : null);
            return null;
        });
        operations.add(() -> {
            other.send("other_keys", "POST", "/api/v1/bulk-operations", third0,
                    user(Map.of("Idempotency-Key", "third-" + UUID.randomUUID())));
            return null;
        });
        if (races.contains(Race.CANCEL_VS_FINISH)) {
            int delay = random.nextInt(300);
            RaceClient cancelling = any();
            operations.add(() -> {
                String job = sameKeyJob.get(60, TimeUnit.SECONDS);
                pause(delay);
                cancelling.send("cancel", "POST", "/api/v1/jobs/" + job + "/cancel", "", user(Map.of()));
                return null;
            });
        }
        if (races.contains(Race.UNDO_TWICE)) {
            operations.add(() -> {
                String job = addTags.get(60, TimeUnit.SECONDS);
                if (job == null || !awaitFinished(job)) {
                    return null;
                }
                keyed.addTagsJob = job;
                both("undo_twice", "POST", "/api/v1/jobs/" + job + "/undo", "", user(Map.of()));
                return null;
            });
        }
        if (races.contains(Race.PLAN_TWICE)) {
            int delay = random.nextInt(300);
            operations.add(() -> {
                pause(delay);
                var planned = any().send("plan", "DELETE", "/api/v1/internal/runs/" + data.runId + "?dry_run=true&plan=true",
                        null, key(Map.of()));
                String plan = planned.body().path("plan").path("plan_id").asString();
                if (plan != null && !plan.isEmpty()) {
                    both("plan_twice", "POST", "/api/v1/internal/plans/" + plan + "/apply", "",
                            key(Map.of("Prefer", "respond-async")));
                }
                return null;
            });
        }
        if (races.contains(Race.RUN_VS_BULK)) {
            int delay = random.nextInt(300);
            var overlapping = new ArrayList<>(data.runItems);
            overlapping.addAll(pick(4));
            RaceClient bulking = any();
            RaceClient cleaning = any();
            int bulkDelay = random.nextInt(300);
            operations.add(() -> {
                pause(delay);
                cleaning.send("run_cleanup", "DELETE", "/api/v1/internal/runs/" + data.runId, null,
                        key(Map.of("Prefer", "respond-async")));
                return null;
            });
            operations.add(() -> {
                pause(bulkDelay);
                bulking.send("run_vs_bulk", "POST", "/api/v1/bulk-operations",
                        bulk("delete", overlapping.stream().distinct().toList(), null, 2), user(Map.of()));
                return null;
            });
        }
        if (races.contains(Race.PURGE_WHILE_RUNNING)) {
            int delay = 100 + random.nextInt(600);
            RaceClient purging = any();
            operations.add(() -> {
                pause(delay);
                purging.send("purge", "DELETE", "/api/v1/internal/users/" + data.userId + "/data", null,
                        key(Map.of("Prefer", "respond-async")));
                return null;
            });
        }
        if (races.contains(Race.DLT_TWICE)) {
            List<ObjectId> replayed = pick(5);
            operations.add(() -> {
                RecordMetadata dead = deadLetter(replayed);
                both("dlt_twice", "POST", "/api/v1/internal/dlt/" + Topics.BULK_COMMANDS + "/replay",
                        "{\"records\":[{\"partition\":" + dead.partition() + ",\"offset\":" + dead.offset() + "}]}",
                        key(Map.of()));
                return null;
            });
        }
        for (int i = 0; i < 4; i++) {
            ObjectId item = data.items.get(random.nextInt(data.items.size()));
            int delay = random.nextInt(500);
            int kind = random.nextInt(4);
            RaceClient editing = any();
            operations.add(() -> {
                pause(delay);
                String path = "/api/v1/items/" + item.toHexString();
                switch (kind) {
                    case 0 -> editing.send("edit", "PATCH", path, "{\"name\":\"edited\"}", user(Map.of()));
                    case 1 -> editing.send("edit", "PATCH", path, "{\"tags\":[\"keep\",\"edited\"]}", user(Map.of()));
                    case 2 -> editing.send("edit", "DELETE", path, null, user(Map.of()));
                    default -> editing.send("edit", "PATCH", path + "/activate", "", user(Map.of()));
                }
                return null;
            });
        }
        return operations;
    }

    /** Sends the same call on both gateways at the same moment. */
    private void both(String operation, String method, String path, String json, Map<String, String> headers)
            throws Exception {
        var go = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = gateways.stream().map(gateway -> executor.submit(() -> {
                go.await();
                return gateway.send(operation, method, path, json, headers);
            })).toList();
            go.countDown();
            for (var call : calls) {
                call.get(90, TimeUnit.SECONDS);
            }
        }
    }

    /** Puts an outside producer's command for these items straight on the bulk dead-letter topic. */
    private RecordMetadata deadLetter(List<ObjectId> items) throws Exception {
        keyed.dltCommandId = UUID.randomUUID().toString();
        String command = "{\"type\":\"SoftDeleteItems\",\"schema_version\":1,\"command_id\":\"" + keyed.dltCommandId
                + "\",\"owner_id\":\"" + data.userId + "\",\"restrict_to_owner\":true,\"batch_size\":2,\"item_ids\":"
                + ids(items) + "}";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(Topics.deadLetter(Topics.BULK_COMMANDS), data.userId, command);
            record.headers().add("x-flowhub-dlt-reason", "MongoTimeoutException: a race round's dead letter".getBytes());
            return producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits for the round's jobs to end and the claims of ended jobs to go. @return what did not settle */
    private List<String> settle(Date began) throws InterruptedException {
        var unsettled = new ArrayList<String>();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        // why: the job of a replayed outside command is recorded by the worker that reads it, maybe after the rest ended
        while (keyed.dltCommandId != null && stack.database.getCollection("jobs")
                .countDocuments(eq("command_id", keyed.dltCommandId)) == 0) {
            if (System.nanoTime() > deadline) {
                unsettled.add("the replayed dead letter's command never made its job");
                return unsettled;
            }
            Thread.sleep(100);
        }
        List<Document> open;
        while (!(open = stack.database.getCollection("jobs").find(and(gte("created_at", began),
                nin("status", List.of("completed", "failed", "cancelled")))).into(new ArrayList<>())).isEmpty()) {
            if (System.nanoTime() > deadline) {
                open.forEach(job -> unsettled.add("job " + job.getObjectId("_id") + " (" + job.getString("operation")
                        + ") did not end within " + SETTLE.toMinutes() + " minutes: " + job.getString("status")));
                return unsettled;
            }
            Thread.sleep(100);
        }
        // why: a job that ended without letting go of its claims has them released within a lease and a sweep
        long claimsDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (stack.database.getCollection("items").countDocuments(exists("deleting_job")) > 0
                || stack.database.getCollection("item_claims").countDocuments() > 0) {
            if (System.nanoTime() > claimsDeadline) {
                unsettled.add(stack.database.getCollection("items").countDocuments(exists("deleting_job"))
                        + " items are still claimed a minute after every job ended");
                break;
            }
            Thread.sleep(100);
        }
        return unsettled;
    }

    private boolean awaitFinished(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Document job = stack.database.getCollection("jobs").find(eq("_id", new ObjectId(jobId))).first();
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

    private List<ObjectId> pick(int count) {
        var shuffled = new ArrayList<>(data.items);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    private RaceClient any() {
        return gateways.get(random.nextInt(gateways.size()));
    }

    private Map<String, String> user(Map<String, String> more) {
        var headers = new java.util.HashMap<>(more);
        headers.put("Authorization", "Bearer " + data.token);
        return headers;
    }

    private static Map<String, String> key(Map<String, String> more) {
        var headers = new java.util.HashMap<>(more);
        headers.put("x-internal-key", RaceStack.INTERNAL_KEY);
        return headers;
    }

    private static String bulk(String operation, List<ObjectId> items, String tag, int batchSize) {
        return "{\"operation\":\"" + operation + "\",\"itemIds\":" + ids(items)
                + (tag == null ? "" : ",\"tags\":[\"" + tag + "\"]") + ",\"batchSize\":" + batchSize + "}";
    }

    private static String ids(List<ObjectId> items) {
        return items.stream().map(id -> "\"" + id.toHexString() + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static void pause(int millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
