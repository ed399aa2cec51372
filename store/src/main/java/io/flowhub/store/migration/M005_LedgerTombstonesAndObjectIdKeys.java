package io.flowhub.store.migration;

import io.flowhub.store.Sha256;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import io.flowhub.store.CollectionNames;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Filters.type;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/**
 * The job ledger and command tombstones get their unique indexes; and every collection gets one
 * {@code _id} type. Older versions keyed job activity entries ({@code "<job>:<item>"}), idempotency
 * keys ({@code "<owner>:<key>"}) and file removals (the path) by strings, beside ObjectIds in the same
 * collection for activity: the embedded server's store cannot compare the two and fails, and MongoDB
 * would sort them apart. Each such document is moved to an ObjectId derived from its old key (so
 * that services migrating at once, or a migration run again after a crash, make the same document),
 * with the natural key kept in fields that now carry a unique index.
 */
class M005_LedgerTombstonesAndObjectIdKeys implements Migration {

    private static final Logger log = LoggerFactory.getLogger(M005_LedgerTombstonesAndObjectIdKeys.class);
    private static final int AT_ONCE = 1_000;
    /** why: named after the collection it stages for, and dropped once emptied, so it never outlives a run */
    static final String STAGING_SUFFIX = "_rekey_staging";

    @Override
    public String id() {
        return "M005_LedgerTombstonesAndObjectIdKeys";
    }

    @Override
    public void apply(MongoDatabase database) {
        var ledger = database.getCollection(CollectionNames.JOB_LEDGER);
        ledger.createIndex(compoundIndex(ascending("job_id"), ascending("batch")), new IndexOptions().unique(true));
        ledger.createIndex(ascending("item_ids"));
        ledger.createIndex(ascending("owner_id"));

        var tombstones = database.getCollection(CollectionNames.PROCESSED_COMMANDS);
        tombstones.createIndex(ascending("command_id"), new IndexOptions().unique(true));
        tombstones.createIndex(ascending("at"), new IndexOptions().expireAfter(8L, TimeUnit.DAYS));

        database.getCollection(CollectionNames.JOB_OUTBOX).createIndex(compoundIndex(ascending("kind"),
                ascending("held_at")));

        rekey(database, CollectionNames.ACTIVITY_LOGS, legacy -> legacy);
        rekey(database, CollectionNames.IDEMPOTENCY_KEYS, legacy -> {
            String key = legacy.getString("_id");
            int colon = key.indexOf(':');
            return legacy.append("owner_id", key.substring(0, Math.max(colon, 0))).append("key", key.substring(colon + 1));
        });
        rekey(database, CollectionNames.FILE_REMOVALS, legacy -> legacy.append("path", legacy.get("_id")));
        database.getCollection(CollectionNames.IDEMPOTENCY_KEYS)
                .createIndex(compoundIndex(ascending("owner_id"), ascending("key")), new IndexOptions().unique(true));
        database.getCollection(CollectionNames.FILE_REMOVALS)
                .createIndex(ascending("path"), new IndexOptions().unique(true));
    }

    /**
     * Moves every document whose {@code _id} is not an ObjectId to one that is, a thousand at a time,
     * through a staging collection: the rekeyed copies go there first, the legacy documents then leave
     * the collection, and only then do the copies come in — so no write ever puts an ObjectId beside a
     * string {@code _id} (the embedded server's store fails comparing the two). Every step is safe to
     * repeat: a run stopped anywhere finishes on the next (copies keep their ids, the staging collection
     * stays until it is emptied into the collection).
     */
    static void rekey(MongoDatabase database, String name, UnaryOperator<Document> naturalKey) {
        MongoCollection<Document> collection = database.getCollection(name);
        MongoCollection<Document> staging = database.getCollection(name + STAGING_SUFFIX);
        long moved = 0;
        List<Document> legacy;
        while (!(legacy = collection.find(not(type("_id", BsonType.OBJECT_ID))).limit(AT_ONCE)
                .into(new ArrayList<>())).isEmpty()) {
            var oldIds = legacy.stream().map(document -> document.get("_id")).toList();
            insertIgnoringCopies(staging, legacy.stream().map(document -> {
                var copy = naturalKey.apply(new Document(document));
                copy.put("_id", objectIdFor(String.valueOf(document.get("_id"))));
                return copy;
            }).toList());
            collection.deleteMany(in("_id", oldIds));
            moved += legacy.size();
        }
        List<Document> staged;
        while (!(staged = staging.find().limit(AT_ONCE).into(new ArrayList<>())).isEmpty()) {
            insertIgnoringCopies(collection, staged);
            staging.deleteMany(in("_id", staged.stream().map(document -> document.get("_id")).toList()));
        }
        // why: dropping a collection that was never made is refused (MongoDB ignores it; the embedded server logs an error)
        if (database.listCollectionNames().into(new ArrayList<>()).contains(name + STAGING_SUFFIX)) {
            staging.drop();
        }
        if (moved > 0) {
            log.info("Moved {} documents of {} to ObjectId keys", moved, collection.getNamespace().getCollectionName());
        }
    }

    private static void insertIgnoringCopies(MongoCollection<Document> collection, List<Document> documents) {
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // why: a migration that ran before (crashed, or in another service) moved some already
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                throw e;
            }
        }
    }

    /** @return an ObjectId that is the same for the same legacy key, every time */
    static ObjectId objectIdFor(String legacyKey) {
        return new ObjectId(Arrays.copyOf(Sha256.of(legacyKey), 12));
    }
}
