package io.flowhub.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Soft-delete the selected items: set {@code is_active:false} and {@code deleted_at}. Items already
 * deleted, not found, or not the owner's (with {@code restrict_to_owner}) are skipped.
 *
 * <p>Example:
 * <pre>{@code
 * {"type":"SoftDeleteItems","schema_version":1,"command_id":"0b9f3c1e-5d1f-4a43-9b8e-4f1c2d3e4f50",
 *  "owner_id":"665f1f77bcf86cd799439011","restrict_to_owner":true,"item_ids":["665f1f77bcf86cd799439012"]}
 * }</pre>
 *
 * @param schemaVersion   {@link SchemaVersion#CURRENT}
 * @param commandId       a UUID chosen by the producer
 * @param jobId           the job to report progress to, or {@code null} to let the worker create one
 * @param ownerId         the user the command acts for, or {@code null}
 * @param restrictToOwner true to change only items created by {@code owner_id}; others are skipped
 * @param itemIds         the items, 1 to {@link BulkCommand#MAX_ITEMS} distinct ObjectIds; or {@code null} with a filter
 * @param filter          the items chosen by a filter; or {@code null} with item ids
 * @param batchSize       items per bulk write, {@link BatchSize#MIN} to {@link BatchSize#MAX}, or {@code null} for the worker's default
 * @param issuedAt        when the command was published
 */
public record SoftDeleteItems(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String ownerId,
        boolean restrictToOwner,
        List<String> itemIds,
        SelectionFilter filter,
        Integer batchSize,
        Instant issuedAt) implements BulkCommand {

    public SoftDeleteItems {
        CommandFields.requireValidCommon(schemaVersion, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                batchSize);
        itemIds = itemIds == null ? null : List.copyOf(itemIds);
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
