package io.flowhub.engine;

import io.flowhub.events.BulkCommand;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job as stored: what it is, where it stands, and what it has done.
 *
 * @param targetUserId  whose data the job is about (a per-user purge), or {@code null}
 * @param undoes        the job an undo reverses, or {@code null}
 * @param deletesForGood true for a hard delete, decided when the job was recorded: it has an erasure receipt and
 *                      no undo
 * @param checkpoint    where the job stands in its ledger; a resumed job starts there
 * @param attempts      how many times a worker has started it; more than one means it was taken over
 * @param turns         how many times it handed its command back to the queue between slices, to let
 *                      other jobs run; a turn taken again is not an attempt
 * @param workerId      the worker that holds it while it runs
 * @param heartbeatAt   when that worker last reported; a stale heartbeat lets another worker take over
 * @param holdsMark     moved whenever a hold is put or released while the job runs ({@link HoldsMark}), or
 *                      {@code null} when none was
 * @param commandJson   the command as published, or {@code null}
 * @param failureReason why it failed, or {@code null}
 * @param result        what a cleanup job deleted (or would delete), per collection and files; {@link CleanupResult#NONE} otherwise
 * @param dryRun        true when the job only reports what it would delete
 */
public record Job(
        JobId id,
        JobKind kind,
        String operation,
        Owner owner,
        UserId targetUserId,
        JobId undoes,
        boolean deletesForGood,
        UUID commandId,
        JobStatus status,
        int progress,
        long totalItems,
        JobCounts counts,
        List<JobError> errors,
        Checkpoint checkpoint,
        int attempts,
        int turns,
        String workerId,
        Instant heartbeatAt,
        ObjectId holdsMark,
        String commandJson,
        String failureReason,
        CleanupResult result,
        boolean dryRun,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    /** @return true when a worker started it before: it was taken over, or it is taking another turn */
    public boolean wasStartedBefore() {
        return attempts > 1 || turns > 0;
    }

    /**
     * @return the partition key its command was first sent with, by the command's own rule
     *         ({@link BulkCommand#key()}, {@link CleanupCommand#key()}), so that a copy sent again (a turn handed
     *         back, an abandoned job) lands where the original did
     */
    public String commandKey() {
        if (commandJson != null) {
            try {
                return switch (kind) {
                    case BULK -> ContractJson.mapper().readValue(commandJson, BulkCommand.class).key();
                    case CLEANUP -> ContractJson.mapper().readValue(commandJson, CleanupCommand.class).key();
                };
            } catch (RuntimeException e) {
                // why: a command that no longer decodes is still sent again, by the rule that keyed it when it did
            }
        }
        String key = targetUserId != null ? targetUserId.toString() : ownerInContract();
        return key == null ? CleanupCommand.GLOBAL_KEY : key;
    }

    public JobProgress progressSoFar() {
        return new JobProgress(counts, checkpoint, totalItems, errors, result);
    }

    /** @return the owner as the Kafka contract and the ledger spell it, or {@code null} */
    public String ownerInContract() {
        return owner == null ? null : owner.contractValue();
    }
}
