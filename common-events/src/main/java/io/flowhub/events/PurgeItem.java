package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Hard-delete one item and its file.
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report to, or {@code null} to let the worker create one
 * @param requestedBy   who asked, or {@code null}
 * @param dryRun        report what would be deleted, delete nothing
 * @param itemId the item (an ObjectId)
 * @param issuedAt      when the command was published
 */
public record PurgeItem(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String requestedBy,
        boolean dryRun,
        String itemId,
        Instant issuedAt) implements CleanupCommand {

    public PurgeItem {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        CommandFields.requireObjectIdOrNull(itemId, "item_id");
        if (itemId == null) {
            throw new InvalidCommandException("item_id is required: the item to delete");
        }
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
