package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Hard-delete items soft-deleted longer ago than the retention period, and their files.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report to, or {@code null} to let the worker create one
 * @param requestedBy   who asked, or {@code null}
 * @param dryRun        report what would be deleted, delete nothing
 * @param olderThanDays the retention in days, or null for the worker's configured retention
 * @param issuedAt      when the command was published
 */
public record PurgeSoftDeleted(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String requestedBy,
        boolean dryRun,
        Integer olderThanDays,
        Instant issuedAt) implements CleanupCommand {

    public PurgeSoftDeleted {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        if (olderThanDays != null && olderThanDays < 0) {
            throw new InvalidCommandException("older_than_days must not be negative");
        }
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
