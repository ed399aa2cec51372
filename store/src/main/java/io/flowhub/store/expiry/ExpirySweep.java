package io.flowhub.store.expiry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.mongodb.client.model.Filters.lt;
import static io.flowhub.store.StoreException.translated;

/**
 * Does what MongoDB's TTL monitor does, for servers that have none (the embedded server keeps the
 * indexes but expires nothing): for every index with {@code expireAfterSeconds} on one field, deletes
 * the documents whose date there is older than that. It reads the indexes themselves, so a TTL index
 * a migration adds is swept without a word here. On MongoDB it deletes what the monitor would within
 * its minute anyway; one {@code deleteMany} per index, safe on several workers at once.
 */
public class ExpirySweep {

    private final MongoDatabase database;
    private final Clock clock;

    public ExpirySweep(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** @return how many documents each swept collection lost, by collection and field */
    public Map<String, Long> sweep() {
        Instant now = clock.instant();
        return translated("expire documents past their TTL", () -> {
            var deleted = new LinkedHashMap<String, Long>();
            for (String name : database.listCollectionNames()) {
                if (name.startsWith("system.")) {
                    continue;
                }
                MongoCollection<Document> collection = database.getCollection(name);
                for (Document index : collection.listIndexes()) {
                    Object seconds = index.get("expireAfterSeconds");
                    Document key = index.get("key", Document.class);
                    if (!(seconds instanceof Number ttl) || key == null || key.size() != 1) {
                        continue;
                    }
                    String field = key.keySet().iterator().next();
                    long gone = collection.deleteMany(lt(field, Date.from(now.minusSeconds(ttl.longValue()))))
                            .getDeletedCount();
                    if (gone > 0) {
                        deleted.put(name + "." + field, gone);
                    }
                }
            }
            return deleted;
        });
    }
}
