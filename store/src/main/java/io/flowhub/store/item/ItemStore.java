package io.flowhub.store.item;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.MongoException;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.StoreException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.flowhub.store.StoreException.translated;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.store.item.ItemFields.DELETING_JOB;
import static com.mongodb.client.model.Sorts.descending;
import static io.flowhub.store.item.ItemFields.ID;

/**
 * The item API's reads and writes of {@code items}, one item or one page at a time; every call takes the caller's
 * access filter. The jobs' batch writes are the job engine's.
 */
public class ItemStore {

    /** Items a hard delete has claimed are about to go: the API changes them no more (so no file is orphaned). */
    private static final Bson NOT_BEING_DELETED = exists(DELETING_JOB, false);

    private final MongoCollection<Document> items;

    public ItemStore(MongoDatabase database) {
        this.items = database.getCollection(CollectionNames.ITEMS);
    }

    /**
     * Stores the items in one {@code insertMany}. When it fails part-way, the items it may have
     * stored are removed again before the failure is answered, so that a client told the batch
     * failed can send it again without storing anything twice.
     */
    public void insertAll(List<Document> documents) {
        try {
            items.insertMany(documents);
        } catch (MongoException e) {
            try {
                items.deleteMany(in(ID, documents.stream().map(document -> document.getObjectId(ID)).toList()));
            } catch (MongoException undo) {
                e.addSuppressed(undo);
            }
            throw new StoreException("store the items", e);
        }
    }

    public Optional<Document> find(ObjectId id, Bson access) {
        return translated("read item " + id, () -> Optional.ofNullable(items.find(allOf(List.of(eq(ID, id), access))).first()));
    }

    /** @return the document as it was before the update, or empty when none matched */
    public Optional<Document> updateReturningBefore(ObjectId id, Bson access, Bson condition, Bson update) {
        return translated("update item " + id, () -> Optional.ofNullable(items.findOneAndUpdate(
                allOf(List.of(eq(ID, id), access, condition, NOT_BEING_DELETED)), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE))));
    }

    /** @return the document as it is after the update, or empty when none matched */
    public Optional<Document> updateReturningAfter(ObjectId id, Bson access, Bson condition, Bson update) {
        return translated("update item " + id, () -> Optional.ofNullable(items.findOneAndUpdate(
                allOf(List.of(eq(ID, id), access, condition, NOT_BEING_DELETED)), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
    }

    public List<Document> newestFirst(Bson filter, int limit) {
        return translated("list items", () -> items.find(filter).sort(descending(ID)).limit(limit)
                .into(new ArrayList<>()));
    }

    public long count(Bson filter) {
        return translated("count items", () -> items.countDocuments(filter));
    }

    /** @return the conditions that restrict anything, together; an empty one (no access limit) adds nothing */
    private static Bson allOf(List<Bson> conditions) {
        List<Bson> restricting = conditions.stream().filter(condition -> !condition.toBsonDocument().isEmpty()).toList();
        return switch (restricting.size()) {
            case 0 -> new Document();
            case 1 -> restricting.getFirst();
            default -> and(restricting);
        };
    }
}
