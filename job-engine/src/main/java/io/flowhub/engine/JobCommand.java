package io.flowhub.engine;

import io.flowhub.store.JobId;
import io.flowhub.store.UserId;

import java.time.Instant;
import java.util.UUID;

/**
 * What the job engine needs to know of a command it received.
 *
 * @param commandId    the producer's command id; one command has at most one job
 * @param jobId        the job the producer recorded before publishing, or {@code null} to create one
 * @param kind         bulk or cleanup
 * @param operation    the job's operation name
 * @param owner        who asked, or {@code null}
 * @param targetUserId whose data the job is about (a per-user purge), or {@code null}
 * @param undoes       the job an undo reverses, or {@code null}
 * @param deletesForGood true for a hard delete
 * @param commandJson  the command as received, kept on a created job so that it can be sent again
 * @param dryRun       true when the job only reports what it would do
 * @param issuedAt     when the producer published it, for the queue latency
 */
public record JobCommand(UUID commandId, JobId jobId, JobKind kind, String operation, Owner owner,
                         UserId targetUserId, JobId undoes, boolean deletesForGood, String commandJson, boolean dryRun,
                         Instant issuedAt) {
}
