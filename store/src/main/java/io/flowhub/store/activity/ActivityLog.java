package io.flowhub.store.activity;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.descending;

/**
 * Writes {@code activity_logs}: one entry per item changed through the item API, many changes in one
 * {@code insertMany}. A job's changes are in its ledger instead, one entry per batch.
 */
public class ActivityLog {

    private static final Logger log = LoggerFactory.getLogger(ActivityLog.class);

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> ledger;
    private final Clock clock;

    public ActivityLog(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection(CollectionNames.ACTIVITY_LOGS);
        this.ledger = database.getCollection(CollectionNames.JOB_LEDGER);
        this.clock = clock;
    }

    /**
     * Records changes that are stored already. An entry that cannot be written is logged, never
     * thrown: the caller's change happened.
     *
     * @param userId who made the change, or {@code null} for a system without a user
     * @param jobId  the job that made it, or {@code null}
     */
    public void record(UserId userId, ActivityAction action, List<ObjectId> itemIds, JobId jobId) {
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
            // why: the change itself is stored; answering it as failed would make a client that retries store it twice
            log.error("The activity entries of {} {} change(s) were not written: {}", itemIds.size(),
                    action.wireValue(), e.getMessage());
        }
    }

    /**
     * @return what happened to one item, newest first: its entries from the item API and the job
     *         batches (from the job ledger) that changed it, as {@code at}, {@code action},
     *         {@code user_id} and {@code job_id}
     */
    public List<HistoryEntry> historyOf(ObjectId itemId, int limit) {
        var history = new java.util.ArrayList<HistoryEntry>();
        entries.find(eq("item_id", itemId)).sort(descending("at")).limit(limit).forEach(entry -> history.add(
                new HistoryEntry(entry.getDate("at").toInstant(), entry.getString("action"),
                        hex(entry.getObjectId("user_id")), hex(entry.getObjectId("job_id")))));
        ledger.find(eq("item_ids", itemId)).projection(include("at", "operation", "owner_id", "job_id"))
                .sort(descending("at")).limit(limit).forEach(batch -> history.add(new HistoryEntry(
                        batch.getDate("at").toInstant(), batch.getString("operation"), batch.getString("owner_id"),
                        hex(batch.getObjectId("job_id")))));
        history.sort(java.util.Comparator.comparing(HistoryEntry::at).reversed());
        return history.subList(0, Math.min(limit, history.size()));
    }

    /** One change of an item: when, what, by whom, and through which job if any. */
    public record HistoryEntry(java.time.Instant at, String action, String userId, String jobId) {
    }

    private static String hex(ObjectId id) {
        return id == null ? null : id.toHexString();
    }

    private static Document entry(UserId userId, ActivityAction action, ObjectId itemId, JobId jobId, Date at) {
        return new Document("user_id", userId == null ? null : userId.value())
                .append("item_id", itemId)
                .append("action", action.wireValue())
                .append("job_id", jobId == null ? null : jobId.value())
                .append("at", at);
    }
}
