package io.flowhub.engine.item;

import com.mongodb.client.MongoCollection;
import io.flowhub.store.UserId;
import io.flowhub.engine.BatchContext;
import io.flowhub.engine.Checkpoint;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.JobWork;
import io.flowhub.engine.LedgerEntry;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A job that changes items batch by batch (soft delete, restore, tag edits): the next batch of the
 * selection, one write, an exact account, and the ledger entry that records which items it changed.
 */
public final class ItemBatches implements JobWork {

    static final String STEP = "items";

    private final Selection selection;
    private final ItemOperation operation;
    private final BatchWriter writer;
    private final HoldsSeen holds;
    private final UserId owner;
    private final int batchSize;
    private CleanupResult.Count reportedAs;

    /**
     * @param owner the user whose items alone may change, or {@code null} when any item may
     * @param holds the operators' holds, which a destructive operation leaves alone
     */
    public ItemBatches(MongoCollection<Document> items, Selection selection, ItemOperation operation, UserId owner,
            int batchSize, Clock clock, Holds holds) {
        this.selection = selection;
        this.operation = operation;
        this.writer = new BatchWriter(items, clock);
        this.holds = new HoldsSeen(holds, clock);
        this.owner = owner;
        this.batchSize = batchSize;
    }

    /**
     * @param what the name under which each batch reports the items it changed as deleted, for a
     *             cleanup that soft-deletes (its answer counts {@code items} deleted)
     */
    public ItemBatches reportedAs(CleanupResult.Count what) {
        this.reportedAs = what;
        return this;
    }

    @Override
    public long total(Checkpoint from) {
        return selection.total(new Selection.Position(from.cursor(), from.resumeAfter()));
    }

    @Override
    public boolean totalTakesARead() {
        return selection.totalTakesARead();
    }

    @Override
    public Optional<LedgerEntry> next(BatchContext batch) {
        Checkpoint from = batch.checkpoint();
        List<ObjectId> ids = selection.next(new Selection.Position(from.cursor(), from.resumeAfter()), batchSize);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        batch.fence();
        BatchOutcome outcome = writer.write(ids, selection, operation, batch.jobId(), owner,
                operation.destroys() ? holds.under(batch.holdsMark()) : BatchWriter.NOTHING_HELD);
        CleanupResult deleted = reportedAs == null ? CleanupResult.NONE
                : CleanupResult.of(reportedAs, outcome.counts().processed());
        return Optional.of(batch.record(outcome.changed(), outcome.counts(), outcome.errors(), deleted,
                outcome.tagChanges(),
                from.next(STEP, ids.size(), ids.getLast()), Optional.empty()));
    }

    @Override
    public void close() {
        selection.close();
    }
}
