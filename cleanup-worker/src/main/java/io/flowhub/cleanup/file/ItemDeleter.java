package io.flowhub.cleanup.file;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.tx.Transactions;
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
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static io.flowhub.store.item.ItemFields.FILE_PATH;
import static io.flowhub.store.item.ItemFields.ID;
import static io.flowhub.store.item.ItemFields.UPDATED_AT;

/**
 * Hard-deletes the items a filter selects, a batch at a time, with their files. Each batch reads
 * the items' ids and file paths in {@code _id} order and records the files' removal; then one
 * delete takes the filter within the batch's {@code _id} range, leaving out anything created or
 * changed after the read — so an item created or given a new file meanwhile is left whole, never
 * an item without its file. Only then are the files removed, and a file an item still points at
 * never is.
 */
@Component
public class ItemDeleter {

    private final MongoCollection<Document> items;
    private final FileRemovals removals;
    private final Transactions transactions;
    private final Clock clock;

    ItemDeleter(MongoDatabase database, FileRemovals removals, Transactions transactions, Clock clock) {
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.removals = removals;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return how many items (and files) the filter would delete, deleting nothing */
    public Deleted count(Bson filter) {
        return new Deleted(items.countDocuments(filter),
                items.countDocuments(and(filter, exists(FILE_PATH, true), ne(FILE_PATH, null))), 0);
    }

    /**
     * Deletes the selected items (in one transaction where the database supports them), then their
     * files. Running it again after a crash finishes the job.
     */
    public Deleted delete(Bson filter, ObjectId jobId, int batchSize) {
        long deleted = transactions.inTransactionIfSupported(session -> deleteItems(filter, jobId, batchSize, session));
        FileRemovals.Outcome files = removals.removeFor(jobId);
        return new Deleted(deleted, files.removed(), files.failed());
    }

    /**
     * Deletes the selected items and records their files' removal, within the given transaction if
     * any; the files themselves are removed by the caller once that has committed.
     *
     * @return how many items were deleted
     */
    public long deleteItems(Bson filter, ObjectId jobId, int batchSize, Optional<ClientSession> session) {
        long deleted = 0;
        ObjectId after = null;
        while (true) {
            Bson page = after == null ? filter : and(filter, gt(ID, after));
            Date readAt = Date.from(clock.instant());
            List<Document> batch = session.map(in -> items.find(in, page)).orElseGet(() -> items.find(page))
                    .projection(include(ID, FILE_PATH)).sort(ascending(ID)).limit(batchSize).into(new ArrayList<>());
            if (batch.isEmpty()) {
                return deleted;
            }
            removals.record(batch.stream().map(item -> item.getString(FILE_PATH)).filter(path -> path != null).toList(),
                    jobId, session);
            Bson exactly = and(filter, gte(ID, batch.getFirst().getObjectId(ID)), lte(ID, batch.getLast().getObjectId(ID)),
                    or(lte(UPDATED_AT, readAt), exists(UPDATED_AT, false)));
            deleted += session.map(in -> items.deleteMany(in, exactly)).orElseGet(() -> items.deleteMany(exactly))
                    .getDeletedCount();
            after = batch.getLast().getObjectId(ID);
        }
    }

    /** @return the files recorded for this job, removed now */
    public FileRemovals.Outcome removeFiles(ObjectId jobId) {
        return removals.removeFor(jobId);
    }

    /** @param items items deleted; @param files files removed; @param filesFailed files left for the sweep */
    public record Deleted(long items, long files, long filesFailed) {
    }
}
