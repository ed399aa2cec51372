package io.flowhub.gateway.item;

import io.flowhub.store.item.ItemStore;
import io.flowhub.gateway.system.ForbiddenException;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.gateway.user.Caller;
import io.flowhub.store.user.UserStore;
import io.flowhub.store.UserId;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static io.flowhub.store.item.ItemFields.*;

/** Item reads, newest first, each limited to what the caller may see. */
@Component
class ItemQueries {

    static final String SEED_TAG = "seed";

    private final ItemStore items;
    private final UserStore users;

    ItemQueries(ItemStore items, UserStore users) {
        this.items = items;
        this.users = users;
    }

    Item get(Caller caller, ObjectId id) {
        return items.find(id, ItemAccess.readableBy(caller)).map(ItemViews::of)
                .orElseThrow(() -> new NotFoundException("Item", id.toHexString()));
    }

    /** One page; {@code nextCursor} is the id to pass as {@code cursor} for the next page, or null after the last. */
    ItemPage list(Caller caller, ItemFilter filter, int limit, ObjectId cursor) {
        Bson query = Conditions.allOf(List.of(visible(caller, filter), cursor == null ? Conditions.NONE : lt(ID, cursor)));
        var page = items.newestFirst(query, limit + 1);
        boolean more = page.size() > limit;
        var shown = (more ? page.subList(0, limit) : page).stream().map(ItemViews::of).toList();
        return new ItemPage(shown, more ? shown.getLast().id() : null, shown.size());
    }

    long count(Caller caller, ItemFilter filter) {
        return items.count(visible(caller, filter));
    }

    SeedStatus seedStatus(Caller caller, UserId userId) {
        if (!ItemAccess.mayReadItemsOf(caller, userId) || users.find(userId.value()).isEmpty()) {
            throw new NotFoundException("User", userId.toString());
        }
        Bson owned = eq(CREATED_BY, userId.value());
        long total = items.count(owned);
        long active = items.count(Conditions.allOf(List.of(owned, eq(IS_ACTIVE, true))));
        long testData = items.count(Conditions.allOf(List.of(owned, eq(TEST_DATA, true))));
        long seed = items.count(Conditions.allOf(List.of(owned, eq(TAGS, SEED_TAG))));
        return new SeedStatus(userId.toString(), seed > 0, total, active, total - active, testData, seed);
    }

    private static Bson visible(Caller caller, ItemFilter filter) {
        if (filter.createdBy() != null && !ItemAccess.mayReadItemsOf(caller, filter.createdBy())) {
            throw new ForbiddenException("An EDITOR may filter by created_by only with its own id");
        }
        return Conditions.allOf(List.of(filter.toBson(), ItemAccess.readableBy(caller)));
    }

    record ItemPage(List<Item> items, String nextCursor, int count) {
    }

    record SeedStatus(String userId, boolean seeded, long totalItems, long activeItems, long inactiveItems,
                      long testDataItems, long seedItems) {
    }
}
