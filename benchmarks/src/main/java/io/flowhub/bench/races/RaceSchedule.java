package io.flowhub.bench.races;

import io.flowhub.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;


/**
 * A round's seeded random schedule: the calls of each race the round runs, over both gateways, as operations that
 * start at one moment. The same seed makes the same schedule, so a failed round replays alone.
 */
final class RaceSchedule {

    private final RaceStack stack;
    private final Random random;
    private final RaceData data;
    private final RaceRound.Keyed keyed;
    private final Set<RaceRound.Race> races;
    private final List<RaceClient> gateways;

    RaceSchedule(RaceStack stack, Random random, RaceData data, RaceRound.Keyed keyed, Set<RaceRound.Race> races,
            List<RaceClient> gateways) {
        this.stack = stack;
        this.random = random;
        this.data = data;
        this.keyed = keyed;
        this.races = races;
        this.gateways = gateways;
    }

    /** @return the round's operations, to start at one moment */
    List<Callable<Void>> operations() {
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
        if (races.contains(RaceRound.Race.CANCEL_VS_FINISH)) {
            int delay = random.nextInt(300);
            RaceClient cancelling = any();
            operations.add(() -> {
                String job = sameKeyJob.get(60, TimeUnit.SECONDS);
                pause(delay);
                cancelling.send("cancel", "POST", "/api/v1/jobs/" + job + "/cancel", "", user(Map.of()));
                return null;
            });
        }
        if (races.contains(RaceRound.Race.UNDO_TWICE)) {
            operations.add(() -> {
                String job = addTags.get(60, TimeUnit.SECONDS);
                if (job == null || !stack.awaitFinished(job)) {
                    return null;
                }
                keyed.addTagsJob = job;
                RaceClient.both(gateways, "undo_twice", "POST", "/api/v1/jobs/" + job + "/undo", "", user(Map.of()));
                return null;
            });
        }
        if (races.contains(RaceRound.Race.PLAN_TWICE)) {
            int delay = random.nextInt(300);
            operations.add(() -> {
                pause(delay);
                var planned = any().send("plan", "DELETE", "/api/v1/internal/runs/" + data.runId + "?dry_run=true&plan=true",
                        null, key(Map.of()));
                String plan = planned.body().path("plan").path("plan_id").asString();
                if (plan != null && !plan.isEmpty()) {
                    RaceClient.both(gateways, "plan_twice", "POST", "/api/v1/internal/plans/" + plan + "/apply", "",
                            key(Map.of("Prefer", "respond-async")));
                }
                return null;
            });
        }
        if (races.contains(RaceRound.Race.RUN_VS_BULK)) {
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
        if (races.contains(RaceRound.Race.PURGE_WHILE_RUNNING)) {
            int delay = 100 + random.nextInt(600);
            RaceClient purging = any();
            operations.add(() -> {
                pause(delay);
                purging.send("purge", "DELETE", "/api/v1/internal/users/" + data.userId + "/data", null,
                        key(Map.of("Prefer", "respond-async")));
                return null;
            });
        }
        if (races.contains(RaceRound.Race.DLT_TWICE)) {
            List<ObjectId> replayed = pick(5);
            operations.add(() -> {
                RecordMetadata dead = deadLetter(replayed);
                RaceClient.both(gateways, "dlt_twice", "POST", "/api/v1/internal/dlt/" + Topics.BULK_COMMANDS + "/replay",
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
