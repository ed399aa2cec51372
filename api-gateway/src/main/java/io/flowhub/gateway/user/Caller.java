package io.flowhub.gateway.user;

import io.flowhub.store.user.User;
import io.flowhub.store.UserId;
import io.flowhub.store.user.Role;
import org.bson.types.ObjectId;

/**
 * The authenticated user a request acts for, as its token names it.
 *
 * @param person whom the user counts as for per-owner caps ({@link User#person()})
 */
public record Caller(ObjectId id, Role role, ObjectId person) {

    /** @return the caller's id as the store's API takes it */
    public UserId userId() {
        return new UserId(id);
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** @return true when the caller may read items of other users (ADMIN and VIEWER) */
    public boolean readsEveryone() {
        return role == Role.ADMIN || role == Role.VIEWER;
    }
}
