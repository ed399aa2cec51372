package io.flowhub.cleanup.file;

import com.mongodb.client.ClientSession;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
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
import java.util.function.LongConsumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;
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
 * Hard-deletes the items a filter selects, a batch at a time, with their files. A pass reads the
 * items' ids and file paths through one cursor in {@code _id} order; each batch records its files'
 * removal, then one delete takes the filter within the batch's {@code _id} range, leaving out
 * anything created or changed since the pass began — so an item created or given a new file
 * meanwhile is left whole, never an item without its file (and is taken by a further pass). Only
 * then are the files removed, and a file an item still points at never is.
 */
@Component
public class ItemDeleter {

    /**
     * Passes through the selection at most: a pass that leaves out items changed while it ran is
     * followed by another for them, but an item changed on every pass is left whole.
     */
    static final int MAX_PASSES = 3;

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
     *
     * @param deletedSoFar told after every batch how many items this run has deleted so far
     */
    public Deleted delete(Bson filter, ObjectId jobId, int batchSize, LongConsumer deletedSoFar) {
        long deleted = transactions.inTransactionIfSupported(
                session -> deleteItems(filter, jobId, batchSize, session, deletedSoFar));
        FileRemovals.Outcome files = removals.removeFor(jobId);
        return new Deleted(deleted, files.removed(), files.failed());
    }

    /**
     * Deletes the selected items and records their files' removal, within the given transaction if
     * any; the files themselves are removed by the caller once that has committed.
     *
     * @param deletedSoFar told after every batch how many items this call has deleted so far (a
     *                     transaction that starts over calls this again, counting from zero)
     * @return how many items were deleted
     */
    public long deleteItems(Bson filter, ObjectId jobId, int batchSize, Optional<ClientSession> session,
            LongConsumer deletedSoFar) {
        long deleted = 0;
        for (int pass = 1; ; pass++) {
            Pass done = deletePass(filter, jobId, batchSize, session, deleted, deletedSoFar);
            deleted += done.deleted();
            if (done.deleted() == done.read() || pass == MAX_PASSES) {
                return deleted;
            }
        }
    }

    /**
     * One pass through the selection: one cursor in {@code _id} order, read a batch at a time, so the
     * filter is resolved once rather than once per batch. Each batch records its files' removal, then
     * one delete takes the filter within the batch's {@code _id} range, leaving out anything created
     * or changed since the pass began.
     */
    private Pass deletePass(Bson filter, ObjectId jobId, int batchSize, Optional<ClientSession> session,
            long deletedBefore, LongConsumer deletedSoFar) {
        // why: a cursor reads its documents over the whole pass, so only a time taken before it opens
        // is sure to predate every read; an item changed after that is left for the next pass
        Date readAt = Date.from(clock.instant());
        long read = 0;
        long deleted = 0;
        FindIterable<Document> selected = session.map(in -> items.find(in, filter)).orElseGet(() -> items.find(filter));
        try (MongoCursor<Document> cursor = selected.projection(include(ID, FILE_PATH)).sort(ascending(ID))
                .batchSize(batchSize).cursor()) {
            var batch = new ArrayList<Document>(batchSize);
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == batchSize || !cursor.hasNext()) {
                    read += batch.size();
                    deleted += deleteBatch(batch, filter, readAt, jobId, session);
                    batch.clear();
                    deletedSoFar.accept(deletedBefore + deleted);
                }
            }
        }
        return new Pass(read, deleted);
    }

    private long deleteBatch(List<Document> batch, Bson filter, Date readAt, ObjectId jobId,
            Optional<ClientSession> session) {
        removals.record(batch.stream().map(item -> item.getString(FILE_PATH)).filter(path -> path != null).toList(),
                jobId, session);
        Bson exactly = and(filter, gte(ID, batch.getFirst().getObjectId(ID)), lte(ID, batch.getLast().getObjectId(ID)),
                or(lte(UPDATED_AT, readAt), exists(UPDATED_AT, false)));
        return session.map(in -> items.deleteMany(in, exactly)).orElseGet(() -> items.deleteMany(exactly))
                .getDeletedCount();
    }

    /** @return the files recorded for this job, removed now */
    public FileRemovals.Outcome removeFiles(ObjectId jobId) {
        return removals.removeFor(jobId);
    }

    /** @param read items a pass found; @param deleted of those, the items it deleted */
    private record Pass(long read, long deleted) {
    }

    /** @param items items deleted; @param files files removed; @param filesFailed files left for the sweep */
    public record Deleted(long items, long files, long filesFailed) {
    }
}
