package io.flowhub.gateway.item;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.StoreException;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.store.item.ItemFields.*;

/** Reads and writes items for the gateway. */
@Component
class ItemStore {

    private final MongoCollection<Document> items;
    private final Clock clock;

    ItemStore(MongoDatabase database, Clock clock) {
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.clock = clock;
    }

    Item insert(CreateItemRequest request) {
        Date now = Date.from(clock.instant());
        Document document = new Document(ID, new ObjectId())
                .append(NAME, request.name().trim())
                .append(DESCRIPTION, request.description())
                .append(TAGS, request.normalizedTags())
                .append(TEST_DATA, request.isTestData())
                .append(CREATED_BY, null)
                .append(IS_ACTIVE, true)
                .append(DELETED_AT, null)
                .append(CREATED_AT, now)
                .append(UPDATED_AT, now);
        try {
            items.insertOne(document);
        } catch (MongoException e) {
            throw new StoreException("Could not store the item: " + e.getMessage(), e);
        }
        return toItem(document);
    }

    Optional<Item> find(ObjectId id) {
        try {
            return Optional.ofNullable(items.find(eq(ID, id)).first()).map(ItemStore::toItem);
        } catch (MongoException e) {
            throw new StoreException("Could not read item " + id + ": " + e.getMessage(), e);
        }
    }

    private static Item toItem(Document document) {
        ObjectId createdBy = document.getObjectId(CREATED_BY);
        return new Item(
                document.getObjectId(ID).toHexString(),
                document.getString(NAME),
                document.getString(DESCRIPTION),
                document.getList(TAGS, String.class, List.of()),
                document.getBoolean(TEST_DATA, false),
                createdBy == null ? null : createdBy.toHexString(),
                document.getBoolean(IS_ACTIVE, true),
                instant(document.getDate(DELETED_AT)),
                instant(document.getDate(CREATED_AT)),
                instant(document.getDate(UPDATED_AT)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
