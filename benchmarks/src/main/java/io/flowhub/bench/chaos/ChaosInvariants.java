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

    /**
     * @param twin a second job the round started on the same items, or null
     * @return the invariants the finished job (and its twin) broke; empty when they held them all
     */
    List<String> check(Document job, Document twin) {
        List<Document> jobs = twin == null ? List.of(job) : List.of(job, twin);
        var ledgers = new ArrayList<ObjectId>();
        boolean cancelled = false;
        for (Document one : jobs) {
            String status = one.getString("status");
            cancelled |= status.equals("cancelled");
            if (!status.equals("completed") && !status.equals("cancelled")) {
                violations.add("job " + one.getObjectId("_id") + " ended " + status + ": " + one.getString("failure_reason"));
            }
            List<ObjectId> ledger = ledger(one.getObjectId("_id"));
            ledgers.addAll(ledger);
            long processed = number(one, "processed");
            long total = number(one, "total_items");
            long sum = processed + number(one, "skipped") + number(one, "failed");
            if (status.equals("completed") && sum != total) {
                violations.add("processed " + processed + " + skipped " + number(one, "skipped") + " + failed "
                        + number(one, "failed") + " != total_items " + total);
            }
            long counted = shape.bulk() ? processed : number(one.get("result", new Document()), "items");
            if (counted != ledger.size()) {
                violations.add("job " + one.getObjectId("_id") + " counts " + counted + " items; its ledger names "
                        + ledger.size());
            }
        }
        if (new HashSet<>(ledgers).size() != ledgers.size()) {
            violations.add("the ledgers name an item more than once (" + ledgers.size() + " entries, "
                    + new HashSet<>(ledgers).size() + " items)");
        }
        Set<ObjectId> expected = data.selection();
        Set<ObjectId> changed = new HashSet<>(ledgers);
        if (cancelled ? !expected.containsAll(changed) : !changed.equals(expected)) {
            violations.add("the ledgers name " + changed.size() + " items; the selection held " + expected.size()
                    + (cancelled ? " (a cancelled job may name fewer, never others)" : ""));
        }
        if (twin == null && !cancelled) {
            expectCounts(job);
        }
        expectItems(jobs, changed);
        for (var entry : data.untouched.entrySet()) {
            Document now = stack.database.getCollection("items").find(eq("_id", entry.getKey())).first();
            if (!entry.getValue().equals(now)) {
                violations.add("item " + entry.getKey() + " outside the selection changed: " + entry.getValue().toJson()
                        + " -> " + (now == null ? "deleted" : now.toJson()));
                break;
            }
        }
        for (var file : data.files.entrySet()) {
            boolean deleted = shape.hard() && changed.contains(file.getKey());
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

    /** The counts one job that ran to its end over the whole selection must have. */
    private void expectCounts(Document job) {
        Document reasons = job.get("skip_reasons", new Document());
        long processed = number(job, "processed");
        switch (shape) {
            case BULK_IDS -> {
                expect("processed", processed, TARGETS - ALREADY_DELETED);
                expect("already_done", number(reasons, "already_done"), ALREADY_DELETED);
                expect("not_found", number(reasons, "not_found"), ChaosRequests.UNKNOWN_IDS);
            }
            case BULK_FILTER, UNDO -> {
                expect("processed", processed, TARGETS - ALREADY_DELETED);
                expect("skipped", number(job, "skipped"), 0);
            }
            case ADD_TAGS -> {
                expect("processed", processed, TARGETS);
                expect("not_found", number(reasons, "not_found"), ChaosRequests.UNKNOWN_IDS);
            }
            case ACTIVATE -> {
                expect("processed", processed, ALREADY_DELETED);
                expect("already_done", number(reasons, "already_done"), TARGETS - ALREADY_DELETED);
                expect("not_found", number(reasons, "not_found"), ChaosRequests.UNKNOWN_IDS);
            }
            case SOFT_CLEANUP, TAG_CLEANUP, PURGE, RUN_CLEANUP, PLAN_APPLY -> {
                Set<ObjectId> expected = data.selection();
                expect("result.items", number(job.get("result", new Document()), "items"), expected.size());
                if (shape.hard()) {
                    long expectedFiles = data.files.keySet().stream().filter(expected::contains).count();
                    expect("result.files", number(job.get("result", new Document()), "files"), expectedFiles);
                }
            }
        }
    }

    /** Each item a job's ledger names holds what that job did to it; one of the selection no ledger names, nothing. */
    private void expectItems(List<Document> jobs, Set<ObjectId> changed) {
        var byJob = new java.util.HashMap<ObjectId, ObjectId>();
        for (Document job : jobs) {
            ledger(job.getObjectId("_id")).forEach(item -> byJob.put(item, job.getObjectId("_id")));
        }
        for (ObjectId id : data.selection()) {
            Document item = stack.database.getCollection("items").find(eq("_id", id)).first();
            if (changed.contains(id)) {
                String wrong = shape.hard() ? (item == null ? null : "is still there")
                        : item == null ? "is gone" : notChangedBy(item, byJob.get(id));
                if (wrong != null) {
                    violations.add("item " + id + ", which the ledger says the job changed, " + wrong
                            + (item == null ? "" : ": " + item.toJson()));
                    return;
                }
            } else if (item == null || byJob.containsValue(item.getObjectId("last_job_id"))) {
                violations.add("item " + id + " of the selection, which no ledger names, was changed: "
                        + (item == null ? "deleted" : item.toJson()));
                return;
            }
        }
    }

    /** @return how the item fails to show the job's change, or null when it shows it */
    private String notChangedBy(Document item, ObjectId job) {
        if (!job.equals(item.getObjectId("last_job_id"))) {
            return "does not carry the job's mark";
        }
        boolean active = item.getBoolean("is_active", true);
        return switch (shape) {
            case BULK_IDS, BULK_FILTER, SOFT_CLEANUP -> active ? "is still active" : null;
            case ACTIVATE, UNDO -> active ? null : "is still deleted";
            case ADD_TAGS -> item.getList("tags", String.class).contains(ChaosRequests.ADDED_TAG) ? null : "lacks the tag";
            default -> null;
        };
    }

    private List<ObjectId> ledger(ObjectId jobId) {
        var ledger = new ArrayList<ObjectId>();
        stack.database.getCollection("job_ledger").find(eq("job_id", jobId))
                .forEach(entry -> ledger.addAll(entry.getList("item_ids", ObjectId.class)));
        return ledger;
    }

    private void expect(String what, long actual, long expected) {
        if (actual != expected) {
            violations.add(what + " is " + actual + ", expected " + expected);
        }
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
