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
        Instant createdAt,
        @JsonIgnore ObjectId createdBy) {

    /**
     * @return the person the account counts as for per-owner caps: the account that created it, or itself.
     * why not the e-mail domain: on a shared staging every colleague at one company shares a domain, and
     * would share one cap; an account opened with another's token is that account's holder's, and accounts
     * people register themselves are throttled per client
     */
    public ObjectId person() {
        return createdBy == null ? objectId : createdBy;
    }

    @JsonProperty("_id")
    public String id() {
        return objectId.toHexString();
    }
}
