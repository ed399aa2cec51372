package io.flowhub.store;

import org.bson.types.ObjectId;

import java.util.Objects;

/**
 * A user's id where modules meet (the store's API, the records the services hand it), so that
 * one kind of id cannot be passed where another is meant. Stored and sent as its ObjectId.
 *
 * @param value the ObjectId
 */
public record UserId(ObjectId value) {

    public UserId {
        Objects.requireNonNull(value, "a user id");
    }

    /** @throws MalformedIdException when the text is not a 24-character hexadecimal ObjectId */
    public static UserId parse(String hex) {
        return new UserId(ObjectIds.parse("user id", hex));
    }

    /** @return the id as the API and the Kafka contract spell it: 24 hexadecimal characters */
    @Override
    public String toString() {
        return value.toHexString();
    }
}
