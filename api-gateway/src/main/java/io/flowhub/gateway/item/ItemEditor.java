package io.flowhub.gateway.item;

import io.flowhub.store.item.ItemDocumentMapper;
import io.flowhub.store.item.ItemStore;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.ConflictException;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.gateway.system.PayloadTooLargeException;
import io.flowhub.gateway.user.Caller;
import io.flowhub.store.activity.ActivityAction;
import io.flowhub.store.activity.ActivityLog;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.item.ItemChanges;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.*;

/** Every change to items the gateway makes, each followed by its activity log entries. */
@Component
class ItemEditor {

    private final ItemStore items;
    private final ActivityLog activity;
    private final Holds holds;
    private final Clock clock;

    ItemEditor(ItemStore items, ActivityLog activity, Holds holds, Clock clock) {
        this.holds = holds;
        this.items = items;
        this.activity = activity;
        this.clock = clock;
    }

    /** @param runId the test run the item is created under, or {@code null} */
    Item create(Caller caller, CreateItemRequest request, String runId) {
        return createAll(caller, List.of(request), List.of(), null, runId).getFirst();
    }

    /** Creates all the items in one {@code insertMany}, each stamped with the run id if there is one. */
    List<Item> createAll(Caller caller, List<CreateItemRequest> requests, List<String> sharedTags, Boolean sharedTestData,
            String runId) {
        ItemAccess.writableBy(caller);
        if (requests.size() > BatchCreateRequest.MAX_ITEMS) {
            throw new PayloadTooLargeException("A batch holds at most " + BatchCreateRequest.MAX_ITEMS + " items; got "
                    + requests.size() + ". Split it into several batches.");
        }
        var now = clock.instant();
        var documents = new ArrayList<Document>();
        for (CreateItemRequest request : requests) {
            boolean testData = sharedTestData != null ? sharedTestData : Boolean.TRUE.equals(request.testData());
            documents.add(ItemDocumentMapper.toDocument(caller.id(), request.name(), request.description(),
                    ItemTags.merge(request.tags(), sharedTags), testData, runId, now));
        }
        items.insertAll(documents);
        activity.record(caller.userId(), ActivityAction.CREATE, documents.stream().map(d -> d.getObjectId(ID)).toList(),
                null);
        return documents.stream().map(ItemViews::of).toList();
    }

    Item update(Caller caller, ObjectId id, UpdateItemRequest request) {
        if (request.others() != null && !request.others().isEmpty()) {
            throw new BadRequestException("Only name, description and tags can be changed; remove "
                    + String.join(", ", request.others().keySet()));
        }
        if (request.changesNothing()) {
            throw new BadRequestException("Send at least one of name, description, tags");
        }
        var changes = new ArrayList<Bson>();
        if (request.name() != null) {
            changes.add(set(NAME, request.name().trim()));
        }
        if (request.description() != null) {
            changes.add(set(DESCRIPTION, request.description()));
        }
        if (request.tags() != null) {
            changes.add(set(TAGS, ItemTags.merge(request.tags())));
        }
        changes.add(set(UPDATED_AT, Date.from(clock.instant())));
        changes.add(ItemChanges.byTheApi());
        return changed(caller, id, ActivityAction.UPDATE,
                items.updateReturningAfter(id, ItemAccess.writableBy(caller), Conditions.NONE, combine(changes)));
    }

    /**
     * Soft delete; deleting an item that is already deleted changes nothing and answers it as it is.
     *
     * @throws ConflictException when an operator holds the item
     */
    Item softDelete(Caller caller, ObjectId id) {
        Date now = Date.from(clock.instant());
        Bson access = ItemAccess.writableBy(caller);
        var deleted = items.updateReturningAfter(id, access, and(ItemChanges.active(), holds.notHeld()),
                ItemChanges.softDelete(now, null));
        if (deleted.isPresent()) {
            return changed(caller, id, ActivityAction.DELETE, deleted);
        }
        Item item = current(id, access);
        if (item.isActive()) {
            throw new ConflictException("Item " + id.toHexString() + " is held by an operator (a hold on it, its tags or"
                    + " its owner; GET /api/v1/internal/holds): it stays until the hold is released");
        }
        return item;
    }

    /** Restore; restoring an active item changes nothing and answers it as it is. */
    Item restore(Caller caller, ObjectId id) {
        Bson access = ItemAccess.writableBy(caller);
        var restored = items.updateReturningAfter(id, access, ItemChanges.inactive(),
                ItemChanges.restore(Date.from(clock.instant()), null));
        return restored.isPresent() ? changed(caller, id, ActivityAction.RESTORE, restored) : current(id, access);
    }

    /**
     * Points the item at a stored file.
     *
     * @return the item before the change, to find the file it pointed at
     */
    Document attachFile(Caller caller, ObjectId id, String relativePath) {
        var before = items.updateReturningBefore(id, ItemAccess.writableBy(caller), Conditions.NONE,
                combine(set(FILE_PATH, relativePath), set(UPDATED_AT, Date.from(clock.instant())),
                        ItemChanges.byTheApi()))
                .orElseThrow(() -> new NotFoundException("Item", id.toHexString()));
        activity.record(caller.userId(), ActivityAction.FILE_UPLOAD, List.of(id), null);
        return before;
    }

    private Item changed(Caller caller, ObjectId id, ActivityAction action, Optional<Document> after) {
        Document document = after.orElseThrow(() -> new NotFoundException("Item", id.toHexString()));
        activity.record(caller.userId(), action, List.of(id), null);
        return ItemViews.of(document);
    }

    private Item current(ObjectId id, Bson access) {
        return items.find(id, access).map(ItemViews::of)
                .orElseThrow(() -> new NotFoundException("Item", id.toHexString()));
    }
}
