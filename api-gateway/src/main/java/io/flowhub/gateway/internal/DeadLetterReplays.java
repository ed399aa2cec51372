package io.flowhub.gateway.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

/** Which dead-lettered records were sent back, and when: {@code dlt_replays}, one document per record. */
@Component
class DeadLetterReplays {

    private final MongoCollection<Document> replays;
    private final Clock clock;

    DeadLetterReplays(MongoDatabase database, Clock clock) {
        this.replays = database.getCollection(CollectionNames.DLT_REPLAYS);
        this.clock = clock;
    }

    /** @return the key of a record on a dead-letter topic: {@code topic-partition@offset} */
    static String key(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + "-" + partition + "@" + offset;
    }

    void recorded(String key, String caller) {
        replays.updateOne(eq("_id", key), combine(set("replayed_at", Date.from(clock.instant())),
                set("caller", caller), inc("replays", 1)), new UpdateOptions().upsert(true));
    }

    /** @return when each of these records was last replayed, for those that were */
    Map<String, Instant> replayedAt(Collection<String> keys) {
        var found = new HashMap<String, Instant>();
        replays.find(in("_id", keys)).forEach(replay -> found.put(replay.getString("_id"),
                replay.getDate("replayed_at").toInstant()));
        return found;
    }
}
