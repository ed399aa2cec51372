package io.flowhub.bench;

import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.Checkpoint;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.JobCounts;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.LedgerEntry;
import io.flowhub.engine.Owner;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The scenarios. Each alternates the project and its baseline on the same database, seeding
 * before every timed part (seeding is never timed) and emptying the items afterwards, so every
 * repetition sees the same collection size; {@link Repetitions} decides how many repetitions a row needs.
 */
final class Scenarios {

    private final BenchEnvironment env;
    private final JobLedger ledger;
    private final Repetitions repetitions;
    private final ItemWorkAlone itemWork;

    Scenarios(BenchEnvironment env, Repetitions repetitions) {
        this.env = env;
        this.ledger = new JobLedger(env.database);
        this.repetitions = repetitions;
        this.itemWork = new ItemWorkAlone(env);
    }

    /** B1: bulk soft delete through the API (submit → completed, seen by polling) vs one updateMany. */
    Result b1(int items, int batchSize, Repetitions.Plan plan) throws Exception {
        var inWorker = new ArrayList<Double>();
        var ledgerAlone = new ArrayList<Double>();
        var writesAlone = new ArrayList<Double>();
        String size = String.format("%,d items by %s, batch %,d", items, items <= 10_000 ? "id list" : "filter",
                batchSize);
        Target target = items >= 100_000 ? Target.ratioAtMost(1.5)
                : items == 1_000 ? Target.figureAtMost(150, "median ≤ 150 ms end to end") : Target.NONE;
        var measured = repetitions.run("B1 " + size, plan, target, watch -> {
            String tag = "b1-" + UUID.randomUUID();
            List<ObjectId> ids = env.seedItems(env.userId, items, items, tag, 0);
            String selection = items <= 10_000
                    ? "\"itemIds\":[" + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]"
                    : "\"filter\":{\"tags\":[\"" + tag + "\"]}";
            watch.start();
            var accepted = env.jobs.post("/api/v1/bulk-operations",
                    "{\"operation\":\"delete\"," + selection + ",\"batchSize\":" + batchSize + "}", env.token);
            String jobId = accepted.get("job_id").asString();
            env.jobs.pollUntilDone(jobId);
            watch.stop();
            inWorker.add(env.jobs.workerMillis(jobId));
            env.clearItems();
        }, watch -> {
            String other = "b1-base-" + UUID.randomUUID();
            List<ObjectId> others = env.seedItems(env.userId, items, items, other, 0);
            watch.start();
            Date now = new Date();
            env.database.getCollection("items").updateMany(and(eq("tags", other), eq("is_active", true)),
                    new Document("$set", new Document("is_active", false).append("deleted_at", now).append("updated_at", now)));
            watch.stop();
            ledgerAlone.add(ledgerAlone(others, batchSize));
            env.clearItems();
            if (items == 1_000) {
                writesAlone.add(itemWork.timedSoftDeletes(items, batchSize));
            }
        });
        return Result.ofRepetitions("B1", "Bulk soft delete through the API", size, "ms", target, measured,
                "baseline: one updateMany of the same items; " + inWorkerNote(inWorker) + String.format(Locale.ROOT,
                        "; the ledger it writes (one entry per batch, listing the items it changed) took a median "
                        + "%.0f ms on its own", Bootstrap.median(ledgerAlone).value())
                        + ItemWorkAlone.softDeletesNote(writesAlone));
    }

    /** A breakdown, not a baseline: the job's ledger written alone, as the worker writes it; in milliseconds. */
    private double ledgerAlone(List<ObjectId> items, int batchSize) {
        JobId job = new JobId(new ObjectId());
        long start = System.nanoTime();
        var through = Checkpoint.START;
        for (int from = 0; from < items.size(); from += batchSize) {
            var batch = items.subList(from, Math.min(items.size(), from + batchSize));
            through = through.next("items", batch.size(), batch.getLast());
            ledger.record(new LedgerEntry(job, through.batch(), "delete", Owner.user(new UserId(env.userId)), null, batch,
                    new JobCounts(batch.size(), 0, 0, 0, 0), List.of(), CleanupResult.NONE, through, Instant.now()),
                    java.util.Optional.empty());
        }
        double millis = millisSince(start);
        env.database.getCollection("job_ledger").deleteMany(eq("job_id", job.value()));
        return millis;
    }

    /** B2: per-user purge (of 10k items, 1k files) vs deleteMany on each collection plus deleting the files. */
    Result b2(int items, int files, Repetitions.Plan plan) throws Exception {
        var inWorker = new ArrayList<Double>();
        Target target = Target.ratioAtMost(3);
        String size = String.format("%,d items, %,d files", items, files);
        var measured = repetitions.run("B2 " + size, plan, target, watch -> {
            ObjectId user = env.newUser();
            env.seedItems(user, items, 0, "none", files);
            watch.start();
            String jobId = env.jobs.cleanup("DELETE", "/api/v1/internal/users/" + user + "/data", null);
            watch.stop();
            inWorker.add(env.jobs.workerMillis(jobId));
            env.clearItems();
        }, watch -> {
            ObjectId other = env.newUser();
            env.seedItems(other, items, 0, "none", files);
            var paths = new ArrayList<String>();
            env.database.getCollection("items").find(and(eq("created_by", other), new Document("file_path",
                    new Document("$ne", null)))).forEach(item -> paths.add(item.getString("file_path")));
            watch.start();
            env.database.getCollection("items").deleteMany(eq("created_by", other));
            env.database.getCollection("jobs").deleteMany(eq("owner_id", other.toHexString()));
            env.database.getCollection("activity_logs").deleteMany(eq("user_id", other));
            env.database.getCollection("otps").deleteMany(eq("email", other + "@bench.example.com"));
            for (String file : paths) {
                Files.deleteIfExists(env.filesRoot.resolve(file));
            }
            watch.stop();
            env.clearItems();
        });
        return Result.ofRepetitions("B2", "Per-user purge", size, "ms", target, measured,
                "baseline: deleteMany per collection + deleting the files; " + inWorkerNote(inWorker));
    }

    /** B3: tag cleanup (hard) of some items (50k of 100k) vs one deleteMany. */
    Result b3(int items, int tagged, Repetitions.Plan plan) throws Exception {
        var inWorker = new ArrayList<Double>();
        Target target = Target.ratioAtMost(1.5);
        String size = String.format("%,d of %,d items", tagged, items);
        var measured = repetitions.run("B3 " + size, plan, target, watch -> {
            String tag = "b3-" + UUID.randomUUID();
            env.seedItems(env.userId, items, tagged, tag, 0);
            watch.start();
            String jobId = env.jobs.cleanup("POST", "/api/v1/internal/cleanup-test-data", "{\"tags\":[\"" + tag + "\"]}");
            watch.stop();
            inWorker.add(env.jobs.workerMillis(jobId));
            env.clearItems();
        }, watch -> {
            String other = "b3-base-" + UUID.randomUUID();
            env.seedItems(env.userId, items, tagged, other, 0);
            watch.start();
            env.database.getCollection("items").deleteMany(eq("tags", other));
            watch.stop();
            env.clearItems();
        });
        return Result.ofRepetitions("B3", "Tag cleanup (hard)", size, "ms", target, measured,
                "baseline: one deleteMany; " + inWorkerNote(inWorker));
    }

    /**
     * B4: reset with documents across collections (100k) vs deleteMany on each. Run after the
     * scenarios that need the gateway's bench user: it removes every user but the admins.
     */
    Result b4(int documents, Repetitions.Plan plan) throws Exception {
        List<String> collections = List.of("users", "items", "otps", "jobs", "activity_logs", "idempotency_keys");
        Target target = Target.ratioAtMost(2);
        String size = String.format("%,d documents across collections", documents);
        var measured = repetitions.run("B4 " + size, plan, target, watch -> {
            seedAcrossCollections(documents);
            watch.start();
            env.jobs.cleanup("POST", "/api/v1/internal/reset?preserve_admins=true", null);
            watch.stop();
            env.clearItems();
        }, watch -> {
            seedAcrossCollections(documents);
            watch.start();
            for (String name : collections) {
                env.database.getCollection(name).deleteMany(name.equals("users")
                        ? new Document("role", new Document("$ne", "ADMIN")) : new Document());
            }
            watch.stop();
            env.clearItems();
        });
        return Result.ofRepetitions("B4", "Full reset", size, "ms", target, measured,
                "baseline: deleteMany on each collection");
    }

    /** Seeds the documents as 70% items, 20% activity, 5% jobs, 4% one-time passwords and 1% users. */
    private void seedAcrossCollections(int documents) throws Exception {
        env.seedItems(env.userId, documents * 70 / 100, 0, "none", 0);
        insert("activity_logs", documents * 20 / 100, i -> new Document("user_id", env.userId).append("action", "create")
                .append("at", new Date()));
        insert("jobs", documents * 5 / 100, i -> new Document("kind", "bulk").append("operation", "delete")
                .append("status", "completed").append("command_id", UUID.randomUUID().toString()).append("created_at", new Date()));
        insert("otps", documents * 4 / 100, i -> new Document("email", "u" + i + "@bench.example.com")
                .append("expires_at", new Date()));
        insert("users", documents / 100, i -> new Document("email", UUID.randomUUID() + "@bench.example.com")
                .append("role", "EDITOR"));
    }

    private void insert(String collection, int count, IntFunction<Document> document) {
        var batch = new ArrayList<Document>(1_000);
        for (int i = 0; i < count; i++) {
            batch.add(document.apply(i));
            if (batch.size() == 1_000) {
                env.database.getCollection(collection).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            env.database.getCollection(collection).insertMany(batch);
        }
    }

    private static String inWorkerNote(List<Double> inWorker) {
        return String.format(Locale.ROOT, "of the project's time, the job ran a median %.0f ms in its worker "
                + "(started → finished); the rest is the request, Kafka, the worker reading and claiming the job "
                + "(a filter's count runs beside its first batches), and the wait for the result",
                Bootstrap.median(inWorker).value());
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
