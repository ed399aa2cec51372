package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Delete everything created under one test run id, whoever created it: hard (items and their files)
 * or soft.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report to, or {@code null} to let the worker create one
 * @param requestedBy   who asked, or {@code null}
 * @param dryRun        report what would be deleted, delete nothing
 * @param runId         the run ({@link RunIds})
 * @param hardDelete    true to remove the items and their files; false to soft-delete them
 * @param issuedAt      when the command was published
 */
public record CleanupRun(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String requestedBy,
        boolean dryRun,
        String runId,
        boolean hardDelete,
        Instant issuedAt) implements CleanupCommand {

    public CleanupRun {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        RunIds.check("run_id", runId);
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
