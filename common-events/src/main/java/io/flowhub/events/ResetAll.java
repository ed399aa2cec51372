package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Hard-delete all users (ADMINs too unless preserve_admins), items, OTPs, jobs, activity logs and files. Audit entries stay; the bootstrap ADMIN is created again.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report to, or {@code null} to let the worker create one
 * @param requestedBy   who asked, or {@code null}
 * @param dryRun        report what would be deleted, delete nothing
 * @param preserveAdmins keep users whose role is ADMIN
 * @param issuedAt      when the command was published
 * @param ignoreHolds   wipe even while operators hold items; without it the worker refuses while any hold exists
 */
public record ResetAll(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String requestedBy,
        boolean dryRun,
        boolean preserveAdmins,
        Instant issuedAt,
        boolean ignoreHolds) implements CleanupCommand {

    public ResetAll {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
