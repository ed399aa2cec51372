package io.flowhub.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Add tags to the selected items. Items that carry all of them already, not found, or not the owner's
 * are skipped.
 *
 * <p>Example:
 * <pre>{@code
 * {"type":"AddTags","schema_version":1,"command_id":"7d3f2e1a-0b9c-4d8e-8f7a-6b5c4d3e2f1a",
 *  "item_ids":["665f1f77bcf86cd799439012"],"tags":["reviewed"]}
 * }</pre>
 *
 * @param schemaVersion   {@link SchemaVersion#CURRENT}
 * @param commandId       a UUID chosen by the producer
 * @param jobId           the job to report progress to, or {@code null} to let the worker create one
 * @param ownerId         the user the command acts for, or {@code null}
 * @param restrictToOwner true to change only items created by {@code owner_id}; others are skipped
 * @param itemIds         the items, 1 to {@link BulkCommand#MAX_ITEMS} distinct ObjectIds; or {@code null} with a filter
 * @param filter          the items chosen by a filter; or {@code null} with item ids
 * @param tags            the tags, 1 to 20 of 1 to 50 characters
 * @param batchSize       items per bulk write, {@link BatchSize#MIN} to {@link BatchSize#MAX}, or {@code null} for the worker's default
 * @param issuedAt        when the command was published
 */
public record AddTags(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String ownerId,
        boolean restrictToOwner,
        List<String> itemIds,
        SelectionFilter filter,
        List<String> tags,
        Integer batchSize,
        Instant issuedAt) implements BulkCommand {

    public AddTags {
        CommandFields.requireValidCommon(schemaVersion, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                batchSize);
        itemIds = itemIds == null ? null : List.copyOf(itemIds);
        tags = CommandFields.requireTags(tags);
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }
}
