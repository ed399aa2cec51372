package io.flowhub.bench.chaos;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.bench.chaos.ChaosData.ALREADY_DELETED;
import static io.flowhub.bench.chaos.ChaosData.TARGETS;

/**
 * The invariants a round's job must hold whatever fault it met: terminal and completed, counts
 * that add up and are the expected ones, a ledger naming each item once and exactly the selection,
 * nothing outside the selection changed, no file left for a deleted item and none removed for a
 * kept one, no item left claimed.
 */
final class ChaosInvariants {

    private final ChaosStack stack;
    private final ChaosRound.Shape shape;
    private final ChaosData data;
    private final List<String> violations = new ArrayList<>();

    ChaosInvariants(ChaosStack stack, ChaosRound.Shape shape, ChaosData data) {
        this.stack = stack;
        this.shape = shape;
        this.data = data;
    }

    /** @return the invariants the finished job broke; empty when it held them all */
    List<String> check(Document job) {
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
        Set<ObjectId> expected = data.selection();
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
                expect("not_found", number(job.get("skip_reasons", new Document()), "not_found"), ChaosRound.UNKNOWN_IDS);
                expectSoftDeleted(jobId);
            }
            case BULK_FILTER -> {
                expect("processed", processed, TARGETS - ALREADY_DELETED);
                expect("skipped", skipped, 0);
                expectSoftDeleted(jobId);
            }
            case TAG_CLEANUP, PURGE -> {
                expect("result.items", number(result, "items"), expected.size());
                long expectedFiles = data.files.keySet().stream().filter(expected::contains).count();
                expect("result.files", number(result, "files"), expectedFiles);
                long left = stack.database.getCollection("items").countDocuments(in("_id", expected));
                expect("items left of the selection", left, 0);
            }
        }
        for (var entry : data.untouched.entrySet()) {
            Document now = stack.database.getCollection("items").find(eq("_id", entry.getKey())).first();
            if (!entry.getValue().equals(now)) {
                violations.add("item " + entry.getKey() + " outside the selection changed: " + entry.getValue().toJson()
                        + " -> " + (now == null ? "deleted" : now.toJson()));
                break;
            }
        }
        boolean hard = shape == ChaosRound.Shape.PURGE || shape == ChaosRound.Shape.TAG_CLEANUP;
        for (var file : data.files.entrySet()) {
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
        return List.copyOf(violations);
    }

    private void expectSoftDeleted(ObjectId jobId) {
        for (Document item : stack.database.getCollection("items").find(in("_id", data.activeTargets))) {
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

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }}
