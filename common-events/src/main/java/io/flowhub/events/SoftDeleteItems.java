package io.flowhub.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Soft-delete the listed items: set {@code is_active:false} and {@code deleted_at}. Items already
 * deleted, or not found, are counted as skipped.
 *
 * <p>Example:
 * <pre>{@code
 * {"type":"SoftDeleteItems","schema_version":1,"command_id":"0b9f3c1e-5d1f-4a43-9b8e-4f1c2d3e4f50",
 *  "owner_id":"665f1f77bcf86cd799439011","restrict_to_owner":true,"item_ids":["665f1f77bcf86cd799439012"],
 *  "issued_at":"2026-11-26T10:00:00Z"}
 * }</pre>
 *
 * @param schemaVersion {@link SchemaVersion#CURRENT}
 * @param commandId     a UUID chosen by the producer
 * @param jobId         the job to report progress to, or {@code null} to let the worker create one
 * @param ownerId       the user the command acts for, or {@code null}
 * @param restrictToOwner true to change only items created by {@code owner_id}; others are skipped
 * @param itemIds       the items to delete: 1 to {@link #MAX_ITEMS} distinct ObjectIds
 * @param batchSize     items per bulk write, {@link BatchSize#MIN} to {@link BatchSize#MAX}, or {@code null} for the worker's default
 * @param issuedAt      when the command was published
 */
public record SoftDeleteItems(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String ownerId,
        boolean restrictToOwner,
        List<String> itemIds,
        Integer batchSize,
        Instant issuedAt) implements BulkCommand {

    /** The most item ids one command may list; larger selections are sent as filters. */
    public static final int MAX_ITEMS = 10_000;

    public SoftDeleteItems {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        CommandFields.requireObjectIdOrNull(ownerId, "owner_id");
        if (restrictToOwner && ownerId == null) {
            throw new InvalidCommandException("restrict_to_owner needs owner_id: name the user whose items may change");
        }
        itemIds = CommandFields.requireObjectIds(itemIds, "item_ids", MAX_ITEMS);
        CommandFields.requireBatchSizeInRange(batchSize);
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
