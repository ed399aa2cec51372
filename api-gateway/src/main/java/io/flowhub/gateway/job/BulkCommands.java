package io.flowhub.gateway.job;

import io.flowhub.events.AddTags;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.Operation;
import io.flowhub.events.RemoveTags;
import io.flowhub.events.RestoreItems;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SelectionFilter;
import io.flowhub.events.SoftDeleteItems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The command each operation {@code POST /api/v1/bulk-operations} accepts ({@link Operation#BULK}) sends. */
final class BulkCommands {

    private BulkCommands() {
    }

    /** Builds the command; its constructor checks the selection and says what to fix. */
    static BulkCommand of(Operation operation, UUID commandId, String jobId, String ownerId, boolean restrictToOwner,
            List<String> itemIds, SelectionFilter filter, List<String> tags, Integer batchSize, Instant now) {
        int version = SchemaVersion.CURRENT;
        if ((operation == Operation.DELETE || operation == Operation.ACTIVATE) && tags != null && !tags.isEmpty()) {
            throw new InvalidCommandException("tags are for add_tags and remove_tags; " + operation.wireValue()
                    + " takes none");
        }
        return switch (operation) {
            case DELETE -> new SoftDeleteItems(version, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                    batchSize, now);
            case ACTIVATE -> new RestoreItems(version, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                    batchSize, now);
            case ADD_TAGS -> new AddTags(version, commandId, jobId, ownerId, restrictToOwner, itemIds, filter, tags,
                    batchSize, now);
            case REMOVE_TAGS -> new RemoveTags(version, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                    tags, batchSize, now);
            default -> throw new InvalidCommandException("operation '" + operation.wireValue()
                    + "' is a cleanup, not a bulk operation");
        };
    }
}
