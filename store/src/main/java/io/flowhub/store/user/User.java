package io.flowhub.store.user;

import org.bson.types.ObjectId;

import java.time.Instant;

/**
 * A user as stored.
 *
 * @param objectId     the user's id
 * @param email        the address, normalised ({@link Emails})
 * @param passwordHash the BCrypt hash of the password; never shown
 * @param createdBy    the account that opened this one (an ADMIN's {@code POST /users}), or {@code null}
 * @param runId        the test run a test identity belongs to, or {@code null}
 */
public record User(ObjectId objectId, String email, String name, Role role, String passwordHash, Instant createdAt,
                   ObjectId createdBy, String runId) {

    /** @return the id in hexadecimal, as the API and tokens spell it */
    public String id() {
        return objectId.toHexString();
    }

    /**
     * @return the person the account counts as for per-owner caps: the account that created it, or itself.
     * why not the e-mail domain: on a shared staging every colleague at one company shares a domain, and
     * would share one cap; an account opened with another's token is that account's holder's, and accounts
     * people register themselves are throttled per client
     */
    public ObjectId person() {
        return createdBy == null ? objectId : createdBy;
    }
}
