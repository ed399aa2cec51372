package io.flowhub.store.activity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.StoreException;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.Date;
import java.util.List;

/** Writes {@code activity_logs}: one entry per item change, many changes in one {@code insertMany}. */
public class ActivityLog {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public ActivityLog(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection(CollectionNames.ACTIVITY_LOGS);
        this.clock = clock;
    }

    /**
     * Records the changes a job made. Each entry's id is made of the job and the item, so a batch
     * that is written again after a crash adds no second entry.
     */
    public void recordForJob(ObjectId userId, ActivityAction action, List<ObjectId> itemIds, ObjectId jobId) {
        if (itemIds.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<Document> documents = itemIds.stream()
                .map(itemId -> entry(userId, action, itemId, jobId, now)
                        .append("_id", jobId.toHexString() + ":" + itemId.toHexString()))
                .toList();
        try {
            entries.insertMany(documents, UNORDERED);
        } catch (MongoBulkWriteException e) {
            boolean onlyRepeats = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyRepeats) {
                throw new StoreException("Could not write the activity log: " + e.getMessage(), e);
            }
        } catch (MongoException e) {
            throw new StoreException("Could not write the activity log: " + e.getMessage(), e);
        }
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
                .map(itemId -> entry(userId, action, itemId, jobId, now))
                .toList();
        try {
            entries.insertMany(documents);
        } catch (MongoException e) {
            throw new StoreException("Could not write the activity log: " + e.getMessage(), e);
        }
    }

    private static Document entry(ObjectId userId, ActivityAction action, ObjectId itemId, ObjectId jobId, Date at) {
        return new Document("user_id", userId)
                .append("item_id", itemId)
                .append("action", action.wireValue())
                .append("job_id", jobId)
                .append("at", at);
    }
}
