package io.flowhub.cleanup.file;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.job.CleanupCounts;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.item.Selection;
import io.flowhub.engine.BatchContext;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.Checkpoint;
import io.flowhub.engine.LedgerEntry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.DELETING_JOB;
import static io.flowhub.store.item.ItemFields.FILE_PATH;
import static io.flowhub.store.item.ItemFields.ID;

/**
 * Hard-deletes the items a filter selects, a batch at a time, with their files, so that every
 * deleted item is counted exactly once, by exactly one job, through crashes, redeliveries and other
 * deleters at work on the same items. A batch:
 * <ol>
 * <li>takes the next ids from one cursor over the filter in {@code _id} order;</li>
 * <li>claims the unclaimed items still matching within the batch's range for this job ({@code deleting_job});
 *     from then on the item API no longer changes them. An item another job claimed is left to it here: a live
 *     job deletes and counts it, and the claims of a job that has ended are taken over once the selection is
 *     through (below), so no batch pays a pass to tell the two apart;</li>
 * <li>reads the items it claimed within that range, with their file paths, and records the files'
 *     removal;</li>
 * <li>records the batch in the job's ledger — its commit point;</li>
 * <li>then (and again for a batch recorded by a worker that died) deletes exactly the items it
 *     claimed in that range — the ids the ledger lists, since nothing else changes a claimed item
 *     and batches' ranges never overlap — and removes their files; a file an item still points at
 *     is never removed.</li>
 * </ol>
 * When the selection is through, items of the filter that a job claimed and then ended without deleting
 * (cancelled or failed while this one passed them by) are taken over in batches of their own, so a
 * cleanup never reports success over items an ended job left claimed.
 * The claimed items are named by the range and the claim rather than by a list of ids: one range
 * read on any server, where the embedded one checks every document of an {@code _id $in} list
 * against the whole list again (a batch of 5,000 ids cost 25 million comparisons per query).
 */
@Component
public class ItemDeleter {

    static final String STEP = "items";
    // why: the jobs running cleanups at once, and those ended but not yet released, are a few dozen at most
    static final int NOTES_READ = 100;

    private final MongoCollection<Document> items;
    private final FileRemovals removals;
    private final ItemClaims claims;
    private final Holds holds;

    ItemDeleter(MongoDatabase database, FileRemovals removals, ItemClaims claims, Holds holds) {
        this.holds = holds;
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.removals = removals;
        this.claims = claims;
    }

    /** @return how many items (and files) the filter would delete, deleting nothing, and how many it would leave held */
    public CleanupResult count(Bson filter) {
        Holds.Covering held = holds.covering();
        Bson deletable = and(filter, held.notHeld());
        var counts = CleanupResult.of(Count.ITEMS, items.countDocuments(deletable))
                .with(Count.FILES, items.countDocuments(and(deletable, exists(FILE_PATH, true), ne(FILE_PATH, null))));
        return held.isEmpty() ? counts : counts.with(Count.HELD, items.countDocuments(and(filter, held.held())));
    }

    /** @return the step that deletes the filter's items, {@code batchSize} at a time */
    public Steps.Step step(Bson filter, int batchSize) {
        return new Deletion(filter, batchSize);
    }

    /**
     * Deletes what a recorded batch claimed and removes its files: the batch's second half, done after its commit
     * point, by the job's worker or, for a job that ended without it, by {@link EndedClaimsRelease}. Harmless to repeat.
     *
     * @return the entry with the files that could not be removed counted as failed
     */
    LedgerEntry settle(LedgerEntry entry) {
        if (!entry.itemIds().isEmpty()) {
            items.deleteMany(claimedBy(entry.jobId(),
                    entry.itemIds().stream().min(ObjectId::compareTo).orElseThrow(),
                    entry.itemIds().stream().max(ObjectId::compareTo).orElseThrow()));
        }
        if (entry.deleted().get(Count.FILES) == 0) {
            return entry;
        }
        return FileRemovals.withFilesFailed(entry, removals.removeFor(entry.jobId(), entry.batch()).failed());
    }

    /** @return the items the job claimed between two ids, inclusive */
    private static Bson claimedBy(JobId jobId, ObjectId first, ObjectId last) {
        return and(gte(ID, first), lte(ID, last), eq(DELETING_JOB, jobId.value()));
    }

    private final class Deletion implements Steps.Step {

        private final Bson filter;
        private final int batchSize;
        private final Selection selection;
        private boolean noted;

        Deletion(Bson filter, int batchSize) {
            this.filter = filter;
            this.batchSize = batchSize;
            this.selection = Selection.byFilter(items, filter, null);
        }

        @Override
        public String name() {
            return STEP;
        }

        @Override
        public long left(Checkpoint from) {
            return selection.total(new Selection.Position(0, owns(from) ? from.resumeAfter() : null));
        }

        @Override
        public boolean totalTakesARead() {
            return true;
        }

        @Override
        public Optional<LedgerEntry> next(BatchContext batch) {
            ObjectId resumeAfter = owns(batch) ? batch.checkpoint().resumeAfter() : null;
            List<ObjectId> ids = selection.next(new Selection.Position(0, resumeAfter), batchSize);
            JobId jobId = batch.jobId();
            if (!noted) {
                // why: noted before the first claim, so the claims are found again whatever becomes of the job
                claims.holding(jobId);
                noted = true;
            }
            if (ids.isEmpty()) {
                return leftBehind(batch, resumeAfter);
            }
            Bson range = and(filter, gte(ID, ids.getFirst()), lte(ID, ids.getLast()));
            // why: a held item is never claimed, so never deleted; it is counted as held, once, by the batch whose
            // range holds it
            Holds.Covering held = holds.covering();
            batch.fence();
            items.updateMany(and(range, exists(DELETING_JOB, false), held.notHeld()), set(DELETING_JOB, jobId.value()));
            long heldInRange = held.isEmpty() ? 0
                    : items.countDocuments(and(range, held.held(), ne(DELETING_JOB, jobId.value())));
            return Optional.of(recordClaimed(batch, ids.getFirst(), ids.getLast(),
                    batch.checkpoint().next(STEP, ids.size(), ids.getLast()), heldInRange));
        }

        /** @return a batch of the filter's items that jobs claimed and ended without deleting, or empty when none are */
        private Optional<LedgerEntry> leftBehind(BatchContext batch, ObjectId resumeAfter) {
            JobId jobId = batch.jobId();
            // why: the notes name every job that may hold claims, ended or not: reading them (a few documents) spares
            // the pass over the items that asks which jobs hold claims there, unless more are noted than is worth it
            Set<ObjectId> ended = claims.endedHolders(jobId, NOTES_READ).orElseGet(() -> claims.ended(
                    items.distinct(DELETING_JOB, and(filter, exists(DELETING_JOB), ne(DELETING_JOB, jobId.value())),
                            ObjectId.class).into(new ArrayList<>())));
            if (ended.isEmpty()) {
                return Optional.empty();
            }
            Bson notHeld = holds.notHeld();
            List<ObjectId> ids = items.find(and(filter, in(DELETING_JOB, ended), notHeld)).projection(include(ID))
                    .sort(ascending(ID)).limit(batchSize).map(item -> item.getObjectId(ID)).into(new ArrayList<>());
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            batch.fence();
            items.updateMany(and(filter, in(ID, ids), in(DELETING_JOB, ended), notHeld), set(DELETING_JOB, jobId.value()));
            Checkpoint at = batch.checkpoint();
            // why: these items were worked through once already; the cursor does not count them again
            return Optional.of(recordClaimed(batch, ids.getFirst(), ids.getLast(),
                    new Checkpoint(at.batch() + 1, STEP, at.cursor(), resumeAfter), 0));
        }

        private LedgerEntry recordClaimed(BatchContext batch, ObjectId first, ObjectId last, Checkpoint through,
                long held) {
            JobId jobId = batch.jobId();
            var claimed = new ArrayList<ObjectId>();
            var paths = new ArrayList<String>();
            items.find(claimedBy(jobId, first, last)).projection(include(ID, FILE_PATH))
                    .forEach(item -> {
                        claimed.add(item.getObjectId(ID));
                        if (item.getString(FILE_PATH) != null) {
                            paths.add(item.getString(FILE_PATH));
                        }
                    });
            batch.fence();
            removals.record(paths, jobId, batch.number());
            var deleted = CleanupResult.of(Count.ITEMS, claimed.size()).with(Count.FILES, paths.size());
            if (held > 0) {
                deleted = deleted.with(Count.HELD, held);
            }
            return batch.record(claimed, CleanupCounts.processed(deleted), List.of(), deleted, through, Optional.empty());
        }

        @Override
        public LedgerEntry settle(LedgerEntry entry) {
            return ItemDeleter.this.settle(entry);
        }

        @Override
        public void release(BatchContext last) {
            // why: a stopped job's claims must not keep other jobs from deleting those items; a removal
            // recorded by a batch that never reached the ledger is carried out unless an item still
            // points at its file
            claims.release(last.jobId());
            removals.removeFor(last.jobId());
        }

        @Override
        public void completed(BatchContext last) {
            // why: every batch of a completed job was recorded and settled: its claims were deleted with their items
            // and its recorded removals carried out (those that failed wait for the orphan sweep), so only the note
            // that it holds claims goes — without a pass over the items, or over the removals, for nothing
            claims.forget(last.jobId());
        }

        @Override
        public void close() {
            selection.close();
        }
    }
}
