package io.flowhub.gateway.item;

import io.flowhub.gateway.system.ForbiddenException;
import io.flowhub.gateway.user.Caller;
import io.flowhub.store.UserId;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.store.item.ItemFields.CREATED_BY;

/**
 * Which items a caller may see and change, as a filter every item query includes: another
 * user's item is then simply not found, so an EDITOR learns nothing about it.
 */
final class ItemAccess {

    private ItemAccess() {
    }

    static Bson readableBy(Caller caller) {
        return caller.readsEveryone() ? Conditions.NONE : eq(CREATED_BY, caller.id());
    }

    static Bson writableBy(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> Conditions.NONE;
            case EDITOR -> eq(CREATED_BY, caller.id());
            case VIEWER -> throw new ForbiddenException("A VIEWER reads items but never changes them");
        };
    }

    static boolean mayReadItemsOf(Caller caller, UserId userId) {
        return caller.readsEveryone() || caller.userId().equals(userId);
    }
}
