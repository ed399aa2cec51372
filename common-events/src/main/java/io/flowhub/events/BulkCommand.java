package io.flowhub.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * A command on {@link Topics#BULK_COMMANDS}, keyed by the owner's user id.
 *
 * <p>On the wire a command is a JSON object whose {@code type} names the command (for example
 * {@code "SoftDeleteItems"}) and whose other fields are in snake_case. Delivery is at least once:
 * a consumer that sees the same {@code command_id} again does not do the work twice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SoftDeleteItems.class, name = "SoftDeleteItems")
})
public sealed interface BulkCommand permits SoftDeleteItems {

    /** @return the version of the schema the producer wrote, {@link SchemaVersion#CURRENT} */
    int schemaVersion();

    /** @return a UUID chosen by the producer; the same command sent twice carries the same id */
    UUID commandId();

    /** @return the job this command runs as, or {@code null} when the worker is to create the job */
    String jobId();

    /** @return the id of the user the command acts for, or {@code null} when no user asked */
    String ownerId();

    /** @return when the producer published the command; the worker measures queue latency from it */
    Instant issuedAt();
}
