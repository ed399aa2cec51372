package io.flowhub.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reverse what one finished job changed, from its ledger: restore what it soft-deleted, soft-delete
 * what it restored, take away the tags it added and give back the tags it removed — on exactly the
 * items it changed, batch by batch as it recorded them. An item changed since by anything else is
 * left alone and counted as {@code changed_since}.
 *
 * @param schemaVersion   {@link SchemaVersion#CURRENT}
 * @param commandId       a UUID chosen by the producer
 * @param jobId           the undo's own job, or {@code null} to let the worker create one
 * @param ownerId         who asked for the undo (a user id), or {@code null}
 * @param restrictToOwner true when only items created by {@code ownerId} may change
 * @param undoes          the job to reverse (an ObjectId)
 * @param issuedAt        when the command was published
 */
public record UndoJob(
        int schemaVersion,
        UUID commandId,
        String jobId,
        String ownerId,
        boolean restrictToOwner,
        String undoes,
        Instant issuedAt) implements BulkCommand {

    public UndoJob {
        CommandFields.requireSupportedSchema(schemaVersion);
        CommandFields.requireCommandId(commandId);
        CommandFields.requireObjectIdOrNull(jobId, "job_id");
        CommandFields.requireObjectIdOrNull(ownerId, "owner_id");
        if (restrictToOwner && ownerId == null) {
            throw new InvalidCommandException("restrict_to_owner needs owner_id: name the user whose items may change");
        }
        CommandFields.requireObjectIdOrNull(undoes, "undoes");
        if (undoes == null) {
            throw new InvalidCommandException("undoes is required: the id of the job to reverse");
        }
        issuedAt = issuedAt == null ? Instant.now() : issuedAt;
    }

    /** @return {@code null}: an undo takes its items from the ledger of the job it undoes */
    @Override
    public List<String> itemIds() {
        return null;
    }

    /** @return {@code null}: an undo takes its items from the ledger of the job it undoes */
    @Override
    public SelectionFilter filter() {
        return null;
    }

    /** @return {@code null}: an undo's batches are those of the job it undoes */
    @Override
    public Integer batchSize() {
        return null;
    }
}
