package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Remove files no item points at, and retry file removals that failed before.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report to, or {@code null} to let the worker create one
 * @param requestedBy   who asked, or {@code null}
 * @param dryRun        report what would be deleted, delete nothing
 * @param issuedAt      when the command was published
 */
public record SweepOrphanFiles(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String requestedBy,
        boolean dryRun,
        Instant issuedAt) implements CleanupCommand {

    public SweepOrphanFiles {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
