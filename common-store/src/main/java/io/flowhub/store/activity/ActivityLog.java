package io.flowhub.store.activity;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.StoreException;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.Date;
import java.util.List;

/** Writes {@code activity_logs}: one entry per item change, many changes in one {@code insertMany}. */
public class ActivityLog {

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public ActivityLog(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection(CollectionNames.ACTIVITY_LOGS);
        this.clock = clock;
    }

    /**
     * @param userId who made the change, or {@code null} for a system without a user
     * @param jobId  the job that made it, or {@code null}
     */
    public void record(ObjectId userId, ActivityAction action, List<ObjectId> itemIds, ObjectId jobId) {
        if (itemIds.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<Document> documents = itemIds.stream()
                .map(itemId -> new Document("user_id", userId)
                        .append("item_id", itemId)
                        .append("action", action.wireValue())
                        .append("job_id", jobId)
                        .append("at", now))
                .toList();
        try {
            entries.insertMany(documents);
        } catch (MongoException e) {
            throw new StoreException("Could not write the activity log: " + e.getMessage(), e);
        }
    }
}
