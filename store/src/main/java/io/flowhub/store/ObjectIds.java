package io.flowhub.store;

import org.bson.types.ObjectId;

/** Turns ids that arrive as text into ObjectIds, refusing malformed ones with a message that says what to fix. */
public final class ObjectIds {

    private ObjectIds() {
    }

    /**
     * @param what  what the id names, for the message: "item id", "job id"
     * @param value the id as received
     * @return the ObjectId
     * @throws MalformedIdException when the value is not a 24-character hexadecimal ObjectId
     */
    public static ObjectId parse(String what, String value) {
        if (value == null || !ObjectId.isValid(value)) {
            throw new MalformedIdException(what, value);
        }
        return new ObjectId(value);
    }
}
