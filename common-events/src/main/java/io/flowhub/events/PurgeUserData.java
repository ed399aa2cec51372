package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Hard-delete one user's items, their files, the user's jobs, and optionally activity logs and OTPs. The user record stays.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report to, or {@code null} to let the worker create one
 * @param requestedBy   who asked, or {@code null}
 * @param dryRun        report what would be deleted, delete nothing
 * @param userId the user whose data goes (an ObjectId)
 * @param includeOtps also delete the user's one-time codes
 * @param includeActivityLogs also delete the user's activity log entries
 * @param issuedAt      when the command was published
 */
public record PurgeUserData(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String requestedBy,
        boolean dryRun,
        String userId,
        boolean includeOtps,
        boolean includeActivityLogs,
        Instant issuedAt) implements CleanupCommand {

    public PurgeUserData {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        CommandFields.requireObjectIdOrNull(userId, "user_id");
        if (userId == null) {
            throw new InvalidCommandException("user_id is required: the user whose data goes");
        }
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
