package io.flowhub.gateway.user;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowhub.store.user.Role;
import org.bson.types.ObjectId;

import java.time.Instant;

/** A user as the API shows it; the password hash is never serialized. */
public record User(
        @JsonIgnore ObjectId objectId,
        String email,
        String name,
        Role role,
        @JsonIgnore String passwordHash,
        Instant createdAt) {

    @JsonProperty("_id")
    public String id() {
        return objectId.toHexString();
    }
}
