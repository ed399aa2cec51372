package io.flowhub.bench.races;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * What a round's items must hold, given its jobs and their ledgers: each item's final state is explained by the
 * operations that touched it — a deleted item by exactly one hard-delete batch, a kept one by the last job that
 * marked it (or the item API), and it holds what that job did; a completed purge or run cleanup left nothing of its
 * target; a bystander's items did not change.
 */
final class RaceItemChecks {

    private final RaceStack stack;
    private final RaceData data;
    private final Map<ObjectId, Document> jobs;
    private final Map<ObjectId, List<ObjectId>> ledgers;
    private final List<String> violations = new ArrayList<>();

    RaceItemChecks(RaceStack stack, RaceData data, Map<ObjectId, Document> jobs, Map<ObjectId, List<ObjectId>> ledgers) {
        this.stack = stack;
        this.data = data;
        this.jobs = jobs;
        this.ledgers = ledgers;
    }

    List<String> check() {
        itemsExplained();
        targetsGone();
        bystandersUntouched();
        return violations;
    }

    private void itemsExplained() {
        Map<ObjectId, Document> now = new HashMap<>();
        stack.database.getCollection("items").find(in("_id", data.items)).forEach(item -> now.put(item.getObjectId("_id"), item));
        for (ObjectId id : data.items) {
            long deletions = jobs.values().stream().filter(job -> job.getString("kind").equals("cleanup")
                            && !job.getBoolean("dry_run", false))
                    .filter(job -> ledgers.getOrDefault(job.getObjectId("_id"), List.of()).contains(id)).count();
            Document item = now.get(id);
            if (item == null) {
                if (deletions != 1) {
                    violations.add("item " + id + " is gone, and " + deletions + " hard-delete jobs name it in their ledgers");
                }
                continue;
            }
            if (deletions > 0) {
                violations.add("item " + id + " is still there, and " + deletions + " hard-delete jobs name it as deleted");
            }
            ObjectId last = item.getObjectId("last_job_id");
            Document job = last == null ? null : jobs.get(last);
            if (job == null) {
                continue;
            }
            if (!ledgers.getOrDefault(last, List.of()).contains(id)) {
                violations.add("item " + id + " carries job " + last + " (" + job.getString("operation")
                        + ") as its last change, and that job's ledger does not name it");
            }
            String wrong = contradiction(item, job);
            if (wrong != null) {
                violations.add("item " + id + " was last changed by job " + last + " (" + job.getString("operation")
                        + "), yet " + wrong + ": " + item.toJson());
            }
        }
    }

    /** @return how the item contradicts what the job that changed it last does, or null when it holds it */
    private String contradiction(Document item, Document job) {
        boolean active = item.getBoolean("is_active", true);
        List<String> tags = item.getList("tags", String.class, List.of());
        return switch (job.getString("operation")) {
            case "delete" -> active ? "it is active" : null;
            case "activate" -> active ? null : "it is deleted";
            case "add_tags" -> tags.contains("x") ? null : "it lacks the added tag";
            case "remove_tags" -> tags.contains("keep") ? "it still has the removed tag" : null;
            case "undo" -> undoesTags(job) && tags.contains("x") ? "it still has the tag the undone job added" : null;
            default -> null;
        };
    }

    private boolean undoesTags(Document undo) {
        ObjectId undone = undo.getObjectId("undoes");
        Document original = undone == null ? null : jobs.get(undone);
        return original != null && original.getString("operation").equals("add_tags");
    }

    private void targetsGone() {
        for (Document job : jobs.values()) {
            if (!"completed".equals(job.getString("status")) || job.getBoolean("dry_run", false)) {
                continue;
            }
            String operation = job.getString("operation");
            if (operation.equals("purge_user_data") && data.userId.equals(job.getString("target_user_id"))) {
                long left = stack.database.getCollection("items").countDocuments(eq("created_by", new ObjectId(data.userId)));
                if (left > 0) {
                    violations.add("a completed purge of the round's user left " + left + " of its items");
                }
            }
            if (operation.equals("cleanup_run") || operation.equals("apply_plan")) {
                long left = stack.database.getCollection("items").countDocuments(and(eq("run_id", data.runId),
                        in("_id", data.runItems)));
                if (left > 0 && job.get("command") != null && job.getString("command").contains(data.runId)) {
                    violations.add("a completed cleanup of run " + data.runId + " left " + left + " of its items");
                }
            }
        }
    }

    private void bystandersUntouched() {
        for (var entry : data.bystanders.entrySet()) {
            Document now = stack.database.getCollection("items").find(eq("_id", entry.getKey())).first();
            if (!entry.getValue().equals(now)) {
                violations.add("a bystander's item " + entry.getKey() + " changed: " + entry.getValue().toJson() + " -> "
                        + (now == null ? "deleted" : now.toJson()));
                return;
            }
        }
    }
}
