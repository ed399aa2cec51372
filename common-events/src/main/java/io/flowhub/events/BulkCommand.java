package io.flowhub.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A command on {@link Topics#BULK_COMMANDS}, keyed by the owner's user id.
 *
 * <p>On the wire a command is a JSON object whose {@code type} names the command (for example
 * {@code "SoftDeleteItems"}) and whose other fields are in snake_case. Every command selects its
 * items either by {@code item_ids} (at most {@link #MAX_ITEMS}) or by a {@code filter}, never both;
 * an {@link UndoJob} takes them from the ledger of the job it undoes.
 * Delivery is at least once: a consumer that sees the same {@code command_id} again does not do the
 * work twice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SoftDeleteItems.class, name = "SoftDeleteItems"),
        @JsonSubTypes.Type(value = RestoreItems.class, name = "RestoreItems"),
        @JsonSubTypes.Type(value = AddTags.class, name = "AddTags"),
        @JsonSubTypes.Type(value = RemoveTags.class, name = "RemoveTags"),
        @JsonSubTypes.Type(value = UndoJob.class, name = "UndoJob")
})
public sealed interface BulkCommand permits SoftDeleteItems, RestoreItems, AddTags, RemoveTags, UndoJob {

    /** The most item ids one command may list; larger selections are sent as filters. */
    int MAX_ITEMS = 10_000;

    /** @return the version of the schema the producer wrote, {@link SchemaVersion#CURRENT} */
    int schemaVersion();

    /** @return a UUID chosen by the producer; the same command sent twice carries the same id */
    UUID commandId();

    /** @return the job this command runs as, or {@code null} when the worker is to create the job */
    String jobId();

    /** @return the id of the user the command acts for, or {@code null} when no user asked */
    String ownerId();

    /** @return true when only items created by {@link #ownerId()} may change; others are skipped */
    boolean restrictToOwner();

    /** @return the selected items' ids, or {@code null} when {@link #filter()} selects them */
    List<String> itemIds();

    /** @return the filter that selects the items, or {@code null} when {@link #itemIds()} lists them */
    SelectionFilter filter();

    /** @return items per bulk write, or {@code null} for the worker's default */
    Integer batchSize();

    /** @return when the producer published the command; the worker measures queue latency from it */
    Instant issuedAt();

    /** @return the Kafka key: the owner, so that one user's commands keep their order; else {@link CleanupCommand#GLOBAL_KEY} */
    default String key() {
        return ownerId() == null ? CleanupCommand.GLOBAL_KEY : ownerId();
    }

    /** @return what the job does */
    default Operation operation() {
        return switch (this) {
            case SoftDeleteItems ignored -> Operation.DELETE;
            case RestoreItems ignored -> Operation.ACTIVATE;
            case AddTags ignored -> Operation.ADD_TAGS;
            case RemoveTags ignored -> Operation.REMOVE_TAGS;
            case UndoJob ignored -> Operation.UNDO;
        };
    }
}
