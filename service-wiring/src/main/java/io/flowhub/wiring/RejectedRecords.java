package io.flowhub.wiring;

import io.flowhub.events.ContractJson;
import org.springframework.kafka.support.serializer.DeserializationException;

import java.util.UUID;

/** Reads what can be read from a record that could not be decoded as a command. */
public final class RejectedRecords {

    private RejectedRecords() {
    }

    /** @return the {@code command_id} in the undecodable record's raw JSON when it has a valid one, else {@code null} */
    public static UUID commandId(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException undecodable && undecodable.getData() != null) {
                try {
                    var node = ContractJson.mapper().readTree(undecodable.getData()).get("command_id");
                    return node == null ? null : UUID.fromString(node.asString());
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
