package io.flowhub.gateway.job;

import io.flowhub.events.AddTags;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.RemoveTags;
import io.flowhub.events.RestoreItems;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SelectionFilter;
import io.flowhub.events.SoftDeleteItems;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The operations {@code POST /api/v1/bulk-operations} accepts, and the command each one sends. */
enum BulkOperation {
    DELETE, ACTIVATE, ADD_TAGS, REMOVE_TAGS;

    static final String SUPPORTED = "delete, activate, add_tags, remove_tags";

    static BulkOperation parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("operation '" + value + "' is not supported: use one of " + SUPPORTED);
        }
    }

    String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Builds the command; its constructor checks the selection and says what to fix. */
    BulkCommand command(UUID commandId, String jobId, String ownerId, boolean restrictToOwner, List<String> itemIds,
            SelectionFilter filter, List<String> tags, Integer batchSize, Instant now) {
        int version = SchemaVersion.CURRENT;
        if ((this == DELETE || this == ACTIVATE) && tags != null && !tags.isEmpty()) {
            throw new InvalidCommandException("tags are for add_tags and remove_tags; " + wireValue() + " takes none");
        }
        return switch (this) {
            case DELETE -> new SoftDeleteItems(version, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                    batchSize, now);
            case ACTIVATE -> new RestoreItems(version, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                    batchSize, now);
            case ADD_TAGS -> new AddTags(version, commandId, jobId, ownerId, restrictToOwner, itemIds, filter, tags,
                    batchSize, now);
            case REMOVE_TAGS -> new RemoveTags(version, commandId, jobId, ownerId, restrictToOwner, itemIds, filter,
                    tags, batchSize, now);
        };
    }
}
