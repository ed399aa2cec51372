package io.flowhub.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Restore the selected soft-deleted items: set {@code is_active:true} and clear {@code deleted_at}.
 * Items already active, not found, or not the owner's are skipped.
 *
 * <p>Example:
 * <pre>{@code
 * {"type":"RestoreItems","schema_version":1,"command_id":"5c0e8a52-9a7d-4f6b-8d3e-2f1a0b9c8d7e",
 *  "filter":{"tags":["test-data"],"status":"inactive"}}
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
public record RestoreItems(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String ownerId,
        boolean restrictToOwner,
        List<String> itemIds,
        SelectionFilter filter,
        Integer batchSize,
        Instant issuedAt) implements BulkCommand {

    public RestoreItems {
        CommandFields.requireValidCommon(schemaVersion, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                batchSize);
        itemIds = itemIds == null ? null : List.copyOf(itemIds);
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
