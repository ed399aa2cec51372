package io.flowhub.events;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks shared by the command records' constructors; each failure names the field to fix. */
final class CommandFields {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

    private CommandFields() {
    }

    /** The checks every bulk command shares. */
    static void requireValidCommon(int schemaVersion, UUID commandId, String jobId, String ownerId,
            boolean restrictToOwner, List<String> itemIds, SelectionFilter filter, Integer batchSize) {
        requireSupportedSchema(schemaVersion);
        requireCommandId(commandId);
        requireObjectIdOrNull(jobId, "job_id");
        requireObjectIdOrNull(ownerId, "owner_id");
        if (restrictToOwner && ownerId == null) {
            throw new InvalidCommandException("restrict_to_owner needs owner_id: name the user whose items may change");
        }
        if ((itemIds == null) == (filter == null)) {
            throw new InvalidCommandException("select items with exactly one of item_ids or filter");
        }
        if (itemIds != null) {
            requireObjectIds(itemIds, "item_ids", BulkCommand.MAX_ITEMS);
        }
        requireBatchSizeInRange(batchSize);
    }

    static void requireSupportedSchema(int schemaVersion) {
        if (schemaVersion == 0) {
            throw new InvalidCommandException("schema_version is required: use " + SchemaVersion.CURRENT);
        }
        if (schemaVersion != SchemaVersion.CURRENT) {
            throw new InvalidCommandException("schema_version " + schemaVersion
                    + " is not supported: this consumer reads schema_version " + SchemaVersion.CURRENT);
        }
    }

    static void requireCommandId(UUID commandId) {
        if (commandId == null) {
            throw new InvalidCommandException("command_id is required: a UUID chosen by the producer");
        }
    }

    static void requireObjectIdOrNull(String value, String field) {
        if (value != null && !OBJECT_ID.matcher(value).matches()) {
            throw new InvalidCommandException(field + " '" + value
                    + "' is not a valid id: expected a 24-character hexadecimal ObjectId");
        }
    }

    static List<String> requireObjectIds(List<String> ids, String field, int max) {
        if (ids.isEmpty()) {
            throw new InvalidCommandException(field + " must list at least one item id");
        }
        if (ids.size() > max) {
            throw new InvalidCommandException(field + " lists " + ids.size() + " ids; at most " + max
                    + " are allowed in one command");
        }
        var seen = new HashSet<String>();
        for (String id : ids) {
            if (id == null || !OBJECT_ID.matcher(id).matches()) {
                throw new InvalidCommandException(field + " contains '" + id
                        + "', which is not a valid id: expected a 24-character hexadecimal ObjectId");
            }
            if (!seen.add(id.toLowerCase())) {
                throw new InvalidCommandException(field + " contains '" + id + "' more than once");
            }
        }
        return List.copyOf(ids);
    }

    static List<String> requireTags(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            throw new InvalidCommandException("tags must list at least one tag");
        }
        return Tags.check("tags", tags);
    }

    static void requireBatchSizeInRange(Integer batchSize) {
        if (batchSize != null && (batchSize < BatchSize.MIN || batchSize > BatchSize.MAX)) {
            throw new InvalidCommandException("batch_size " + batchSize + " is out of range: use "
                    + BatchSize.MIN + " to " + BatchSize.MAX + ", or leave it out for the worker's default");
        }
    }
}
