package io.flowhub.bench.races;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

/**
 * What a round must hold, read from the recorded history (what every call answered), the jobs, their ledgers and
 * the items: no call answered a server error; one key made one job and every request with it was answered with that
 * job; one job undone twice at once, or one plan applied twice at once, made one job; a dead letter replayed twice
 * counts once (its job deleted only by the round's purge, which leaves the command's tombstone); every job ended,
 * and a completed one's counts add up to its total and to its ledger; each item's final state is explained by the
 * operations that touched it — a deleted item by exactly one hard-delete batch, a kept one by the last job that
 * marked it (or the item API), and it holds what that job did; a completed purge or run cleanup left nothing of its
 * target; a bystander's items did not change.
 */
final class RaceChecks {

    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    private final RaceStack stack;
    private final RaceData data;
    private final RaceRound.Keyed keyed;
    private final List<RaceClient.Answer> history;
    private final Date began;
    private final List<String> violations = new ArrayList<>();
    private final Map<ObjectId, Document> jobs = new HashMap<>();
    private final Map<ObjectId, List<ObjectId>> ledgers = new HashMap<>();

    RaceChecks(RaceStack stack, RaceData data, RaceRound.Keyed keyed, List<RaceClient.Answer> history, Date began) {
        this.stack = stack;
        this.data = data;
        this.keyed = keyed;
        this.history = List.copyOf(history);
        this.began = began;
    }

    List<String> check() {
        stack.database.getCollection("jobs").find(gte("created_at", began))
                .forEach(job -> jobs.put(job.getObjectId("_id"), job));
        stack.database.getCollection("job_ledger").find(in("job_id", jobs.keySet())).forEach(entry -> ledgers
                .computeIfAbsent(entry.getObjectId("job_id"), job -> new ArrayList<>())
                .addAll(entry.getList("item_ids", ObjectId.class, List.of())));
        noServerErrors();
        oneJobPerKey();
        oneJobForBoth("undo_twice");
        oneJobForBoth("plan_twice");
        deadLetterCountedOnce();
        jobsAddUp();
        violations.addAll(new RaceItemChecks(stack, data, jobs, ledgers).check());
        return violations;
    }

    private void noServerErrors() {
        for (RaceClient.Answer answer : history) {
            if (answer.status() >= 500 || answer.status() == 0) {
                violations.add(answer.operation() + " " + answer.method() + " " + answer.path() + " on gateway "
                        + answer.gateway() + " answered " + answer.status() + ": " + answer.body());
            }
        }
    }

    private void oneJobPerKey() {
        var answers = answers("same_key");
        var jobIds = new HashSet<String>();
        for (RaceClient.Answer answer : answers) {
            if (answer.status() != 202) {
                violations.add("a request with the shared Idempotency-Key answered " + answer.status() + ": "
                        + answer.body());
            }
            jobIds.add(answer.text("job_id"));
        }
        if (jobIds.size() > 1) {
            violations.add(answers.size() + " requests with one Idempotency-Key were answered with " + jobIds.size()
                    + " jobs: " + jobIds);
        }
        long recorded = stack.database.getCollection("jobs")
                .countDocuments(regex("idempotency_key", "\n" + Pattern.quote(keyed.sameKey) + "$"));
        if (recorded > 1) {
            violations.add("one Idempotency-Key holds " + recorded + " jobs");
        }
    }

    /** The same call made on both gateways at once: the same answer, and at most one job between them. */
    private void oneJobForBoth(String operation) {
        var answers = answers(operation);
        if (answers.size() < 2) {
            return;
        }
        var statuses = answers.stream().map(RaceClient.Answer::status).distinct().toList();
        var jobIds = answers.stream().map(answer -> answer.text("job_id")).filter(Objects::nonNull).distinct()
                .filter(id -> !purgedOrUndoOfPurged(id)).toList();
        if (jobIds.size() > 1) {
            violations.add(operation + " asked on both gateways at once made " + jobIds.size() + " jobs: " + jobIds);
        }
        if (statuses.size() > 1 && !jobIds.isEmpty()) {
            violations.add(operation + " asked on both gateways at once answered " + statuses);
        }
    }

    /**
     * @return true for a job a purge of its user took in this round, or an undo that failed because such a purge
     *         took the job it undoes: asked again after the purge, an undo finds no earlier one to answer with, and
     *         failing "gone" is its honest answer
     */
    private boolean purgedOrUndoOfPurged(String jobId) {
        if (answers("purge").isEmpty()) {
            return false;
        }
        Document job = stack.database.getCollection("jobs").find(eq("_id", new ObjectId(jobId))).first();
        return job == null || undoOfPurgedJob(job);
    }

    private boolean undoOfPurgedJob(Document job) {
        String undone = keyed.addTagsJob;
        return undone != null && "undo".equals(job.getString("operation")) && "failed".equals(job.getString("status"))
                && String.valueOf(job.getString("failure_reason")).contains(undone) && !answers("purge").isEmpty()
                && stack.database.getCollection("jobs").countDocuments(eq("_id", new ObjectId(undone))) == 0;
    }

    private void deadLetterCountedOnce() {
        if (keyed.dltCommandId == null) {
            return;
        }
        for (RaceClient.Answer answer : answers("dlt_twice")) {
            if (answer.status() != 200) {
                violations.add("a dead-letter replay answered " + answer.status() + ": " + answer.body());
            }
        }
        if (answers("dlt_twice").stream().allMatch(answer -> answer.body().path("replayed").isEmpty())) {
            violations.add("neither gateway replayed the dead letter: " + answers("dlt_twice").stream()
                    .map(RaceClient.Answer::body).toList());
        }
        var made = stack.database.getCollection("jobs").find(eq("command_id", keyed.dltCommandId)).into(new ArrayList<>());
        if (made.size() > 1) {
            violations.add("a dead letter replayed twice made " + made.size() + " jobs");
        }
        if (made.isEmpty()) {
            deadLetterJobPurged();
        }
    }

    /**
     * A replayed dead letter's job that is gone was deleted by a purge of its user in this round: its command's
     * tombstone stays (outcome {@code completed} when the job finished first, {@code deleted} when it did not).
     */
    private void deadLetterJobPurged() {
        Document tombstone = stack.database.getCollection("processed_commands")
                .find(eq("command_id", keyed.dltCommandId)).first();
        if (tombstone == null || answers("purge").isEmpty()) {
            violations.add("the replayed dead letter's job is gone without a purge of its user taking it: " + tombstone);
        }
    }

    private void jobsAddUp() {
        for (Document job : jobs.values()) {
            ObjectId id = job.getObjectId("_id");
            String status = job.getString("status");
            String what = "job " + id + " (" + job.getString("operation") + ")";
            if (!FINISHED.contains(status)) {
                violations.add(what + " is still " + status);
                continue;
            }
            if (status.equals("failed") && !undoOfPurgedJob(job)) {
                violations.add(what + " failed: " + job.getString("failure_reason"));
            }
            List<ObjectId> listed = ledgers.getOrDefault(id, List.of());
            if (new HashSet<>(listed).size() != listed.size()) {
                violations.add(what + " lists an item in its ledger more than once");
            }
            if (!status.equals("completed") || job.getBoolean("dry_run", false)) {
                continue;
            }
            if (job.getString("kind").equals("bulk")) {
                long processed = number(job, "processed");
                long sum = processed + number(job, "skipped") + number(job, "failed");
                if (sum != number(job, "total_items")) {
                    violations.add(what + ": processed + skipped + failed = " + sum + ", total_items = "
                            + number(job, "total_items"));
                }
                if (processed != listed.size()) {
                    violations.add(what + " processed " + processed + " items; its ledger names " + listed.size());
                }
            } else {
                long deleted = number(job.get("result", new Document()), "items");
                if (deleted != listed.size()) {
                    violations.add(what + " says it deleted " + deleted + " items; its ledger names " + listed.size());
                }
            }
        }
    }

    private List<RaceClient.Answer> answers(String operation) {
        return history.stream().filter(answer -> answer.operation().equals(operation)).toList();
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
