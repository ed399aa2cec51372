package io.flowhub.bench.chaos;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The call that starts a chaos round's job, by the round's shape, and its submission. */
final class ChaosRequests {

    static final int UNKNOWN_IDS = 5;
    private static final Logger log = LoggerFactory.getLogger(ChaosRequests.class);
    static final String ADDED_TAG = "chaos-added";
    private static final int BULK_BATCH = 5;

    private final ChaosStack stack;
    private final int round;
    private final ChaosRound.Shape shape;
    private final ChaosData data;
    private final ChaosJobs jobs;

    ChaosRequests(ChaosStack stack, int round, ChaosRound.Shape shape, ChaosData data, ChaosJobs jobs) {
        this.stack = stack;
        this.round = round;
        this.shape = shape;
        this.data = data;
        this.jobs = jobs;
    }

    /** A call to the gateway: what starts the round's job. */
    record Request(String method, String path, String body, Map<String, String> headers, boolean keyed) {
    }

    /** @return the call that starts the round's job; a plan's dry run or an undone job is made first */
    Request request(String key) throws Exception {
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
                    if (jobs.awaitFinished(data.undone, Duration.ofMinutes(2)) == null) {
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

    ObjectId submit(Request request) throws Exception {
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
     * @param violations where a retry answered with another job is noted
     * @return the recorded job, or null when the doomed gateway recorded none
     */
    ObjectId submitThroughAGatewayKilledBeforeItPublishes(Request request, List<String> violations) throws Exception {
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
}
