package io.flowhub.engine.item;

import io.flowhub.store.item.ItemFields;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.engine.HoldsMark;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nor;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.descending;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.store.item.ItemFields.CREATED_BY;
import static io.flowhub.store.item.ItemFields.ID;
import static io.flowhub.store.item.ItemFields.TAGS;

/**
 * Holds an operator puts on items — by ids, by tag or by user, with a reason — so that no destructive
 * path deletes them: shared fixtures and legal holds stay put. {@link #notHeld()} is the filter every
 * destructive selection adds, {@link #held()} the one that counts what it left alone. A hold covers
 * items as they are when a path reads it: an item tagged later with a held tag is held from then on.
 */
public class Holds {

    /** The most item ids one hold names. */
    public static final int MAX_ITEM_IDS = 10_000;

    /**
     * One hold: on the items with these ids, these tags, or of this user.
     *
     * @param itemIds   the items it names, or empty
     * @param tags      the tags whose items it holds, or empty
     * @param userId    the user whose items it holds, or {@code null}
     * @param reason    why, as the operator gave it
     * @param createdBy who put it, as the audit names callers
     */
    public record Hold(ObjectId id, List<ObjectId> itemIds, List<String> tags, ObjectId userId, String reason,
                       String createdBy, Instant createdAt) {
    }

    private final MongoCollection<Document> holds;
    private final HoldsMark mark;
    private final Clock clock;

    public Holds(MongoDatabase database, Clock clock) {
        this.holds = database.getCollection(CollectionNames.HOLDS);
        this.mark = new HoldsMark(database);
        this.clock = clock;
    }

    /**
     * Puts a hold. It counts from every job batch that begins once this returns: running jobs' holds mark moves
     * before (a batch in flight meanwhile may not see it yet).
     */
    public Hold put(List<ObjectId> itemIds, List<String> tags, ObjectId userId, String reason, String createdBy) {
        var hold = new Hold(new ObjectId(), List.copyOf(itemIds), List.copyOf(tags), userId, reason, createdBy,
                clock.instant());
        translated("put a hold", () -> holds.insertOne(new Document("_id", hold.id()).append("item_ids", hold.itemIds())
                .append("tags", hold.tags()).append("user_id", hold.userId()).append("reason", hold.reason())
                .append("created_by", hold.createdBy()).append("created_at", Date.from(hold.createdAt()))));
        mark.move();
        return hold;
    }

    /** @return every hold, the newest first */
    public List<Hold> list() {
        return translated("read holds", () -> holds.find().sort(descending("_id")).map(Holds::toHold)
                .into(new ArrayList<>()));
    }

    public Optional<Hold> find(ObjectId id) {
        return translated("read hold " + id, () -> Optional.ofNullable(holds.find(eq("_id", id)).first())
                .map(Holds::toHold));
    }

    /**
     * Releases a hold; as with {@link #put}, job batches that begin once this returns no longer leave its items alone.
     *
     * @return true when the hold was there and is released now; false when there was none
     */
    public boolean release(ObjectId id) {
        boolean released = translated("release hold " + id,
                () -> holds.deleteOne(eq("_id", id)).getDeletedCount() == 1);
        // why: also when there was none: a release whose caller died between the delete and the mark is repeated
        mark.move();
        return released;
    }

    /** @return how many holds there are */
    public long count() {
        return translated("count holds", () -> holds.countDocuments());
    }

    /** @return the items no hold covers now (every item when there is no hold) */
    public Bson notHeld() {
        return covering().notHeld();
    }

    /** @return the items some hold covers now (none when there is no hold) */
    public Bson held() {
        return covering().held();
    }

    /** @return what all holds cover now, read once: to filter by, and to tell of one item read already */
    public Covering covering() {
        Set<ObjectId> ids = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        Set<ObjectId> users = new LinkedHashSet<>();
        translated("read holds", () -> {
            for (Document hold : holds.find()) {
                ids.addAll(hold.getList("item_ids", ObjectId.class, List.of()));
                tags.addAll(hold.getList("tags", String.class, List.of()));
                ObjectId user = hold.getObjectId("user_id");
                if (user != null) {
                    users.add(user);
                }
            }
            return null;
        });
        return new Covering(ids, tags, users);
    }

    /** What the holds cover: items by id, by any of these tags, or of these users. */
    public record Covering(Set<ObjectId> ids, Set<String> tags, Set<ObjectId> users) {

        public boolean isEmpty() {
            return ids.isEmpty() && tags.isEmpty() && users.isEmpty();
        }

        /** @param item an item with its {@code _id}, {@code tags} and {@code created_by} */
        public boolean covers(Document item) {
            return ids.contains(item.getObjectId(ID)) || users.contains(item.getObjectId(CREATED_BY))
                    || item.getList(TAGS, String.class, List.of()).stream().anyMatch(tags::contains);
        }

        public Bson held() {
            var any = new ArrayList<Bson>();
            if (!ids.isEmpty()) {
                any.add(in(ID, ids));
            }
            if (!tags.isEmpty()) {
                any.add(in(TAGS, tags));
            }
            if (!users.isEmpty()) {
                any.add(in(CREATED_BY, users));
            }
            return any.isEmpty() ? in(ID, List.of()) : or(any);
        }

        public Bson notHeld() {
            return isEmpty() ? new Document() : nor(held());
        }
    }

    private static Hold toHold(Document document) {
        Date created = document.getDate("created_at");
        return new Hold(document.getObjectId("_id"), document.getList("item_ids", ObjectId.class, List.of()),
                document.getList("tags", String.class, List.of()), document.getObjectId("user_id"),
                document.getString("reason"), document.getString("created_by"),
                created == null ? null : created.toInstant());
    }
}
