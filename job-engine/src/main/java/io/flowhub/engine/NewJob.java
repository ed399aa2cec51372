package io.flowhub.engine;

import io.flowhub.store.JobId;
import io.flowhub.store.UserId;

import java.util.UUID;

/**
 * A job to record as {@code queued}.
 *
 * @param id          the job id
 * @param kind        which worker runs it
 * @param operation   what it does, for example {@code delete}
 * @param owner       who asked, or {@code null}
 * @param targetUserId whose data the job is about (a per-user purge), or {@code null}
 * @param undoes      the job an undo reverses, or {@code null}
 * @param deletesForGood true for a hard delete: it has an erasure receipt and no undo
 * @param commandId   the command that runs it; one command has at most one job
 * @param totalItems  how many items it covers, when known up front; 0 otherwise
 * @param commandJson the command as published, so that a job whose worker died can be sent again
 * @param dryRun      true when the job only reports what it would delete
 * @param idempotency the {@code Idempotency-Key} it was asked with, or {@code null}
 */
public record NewJob(JobId id, JobKind kind, String operation, Owner owner, UserId targetUserId, JobId undoes,
                     boolean deletesForGood, UUID commandId, long totalItems, String commandJson, boolean dryRun,
                     Idempotency idempotency) {

    /** A job asked without an {@code Idempotency-Key}. */
    public NewJob(JobId id, JobKind kind, String operation, Owner owner, UserId targetUserId, JobId undoes,
            boolean deletesForGood, UUID commandId, long totalItems, String commandJson, boolean dryRun) {
        this(id, kind, operation, owner, targetUserId, undoes, deletesForGood, commandId, totalItems, commandJson,
                dryRun, null);
    }

    /** @return this job, asked with the given key */
    public NewJob withIdempotency(Idempotency key) {
        return new NewJob(id, kind, operation, owner, targetUserId, undoes, deletesForGood, commandId, totalItems,
                commandJson, dryRun, key);
    }
}
