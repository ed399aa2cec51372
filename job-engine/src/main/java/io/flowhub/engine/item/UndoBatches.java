package io.flowhub.engine.item;

import io.flowhub.store.item.ItemFields;
import com.mongodb.client.MongoCollection;
import io.flowhub.events.Operation;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.BatchContext;
import io.flowhub.engine.Checkpoint;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.JobCounts;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.JobWork;
import io.flowhub.engine.LedgerEntry;
import io.flowhub.engine.TagChange;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.*;

/**
 * The work of an undo: batch k reverses batch k of the job it undoes (those that changed items), on
 * exactly the items that batch recorded. An item is reversed only while it still carries the undone
 * job's mark ({@code last_job_id}), which any later change (another job, the item API) replaces:
 * such an item is left alone and counted {@code changed_since}. The reversal marks items with the
 * undo's own id, so a batch done again finds its own changes and counts them once. An undo that
 * soft-deletes again (of an {@code activate}) leaves held items alone and counts them {@code held}.
 */
public final class UndoBatches implements JobWork {

    static final String STEP = "undo";

    private final MongoCollection<Document> items;
    private final JobLedger ledger;
    private final JobId undone;
    private final Operation operation;
    private final UserId owner;
    private final Holds holds;
    private final Clock clock;
    private List<LedgerEntry> entries;

    /**
     * @param operation what the undone job did: {@code delete}, {@code activate}, {@code add_tags},
     *                  {@code remove_tags}, or a soft {@code cleanup_by_tags} or {@code cleanup_run}
     * @param owner     the user whose items alone may change, or {@code null} when any item may
     * @param holds     the operators' holds, which a reversal that deletes leaves alone
     */
    public UndoBatches(MongoCollection<Document> items, JobLedger ledger, JobId undone, Operation operation,
            UserId owner, Holds holds, Clock clock) {
        if (!undoable(operation)) {
            throw new IllegalArgumentException(operation.wireValue() + " cannot be undone");
        }
        this.items = items;
        this.ledger = ledger;
        this.undone = undone;
        this.operation = operation;
        this.owner = owner;
        this.holds = holds;
        this.clock = clock;
    }

    /** @return true for an operation whose job can be undone (a cleanup only when it soft-deleted) */
    public static boolean undoable(Operation operation) {
        return switch (operation) {
            case DELETE, ACTIVATE, ADD_TAGS, REMOVE_TAGS, CLEANUP_BY_TAGS, CLEANUP_RUN -> true;
            default -> false;
        };
    }

    @Override
    public long total(Checkpoint from) {
        return entries().stream().mapToLong(entry -> entry.itemIds().size()).sum();
    }

    @Override
    public Optional<LedgerEntry> next(BatchContext batch) {
        int index = batch.number() - 1;
        if (index >= entries().size()) {
            return Optional.empty();
        }
        LedgerEntry entry = entries().get(index);
        JobId undo = batch.jobId();
        Date now = Date.from(clock.instant());
        Bson marked = owned(in(LAST_JOB_ID, List.of(undone.value(), undo.value())));
        Holds.Covering held = operation == Operation.ACTIVATE ? holds.covering() : BatchWriter.NOTHING_HELD;
        batch.fence();
        switch (operation) {
            case DELETE, CLEANUP_BY_TAGS, CLEANUP_RUN -> items.updateMany(and(in(ID, entry.itemIds()), marked,
                    eq(IS_ACTIVE, false)), ItemChanges.restore(now, undo));
            case ACTIVATE -> items.updateMany(and(in(ID, entry.itemIds()), marked, eq(IS_ACTIVE, true),
                    held.notHeld()), ItemChanges.softDelete(now, undo));
            case ADD_TAGS, REMOVE_TAGS -> {
                // why: one write per tag the batch changed (at most 20), each over the items it changed it on
                for (TagChange change : entry.tagChanges()) {
                    Bson reversal = operation == Operation.ADD_TAGS ? pull(TAGS, change.tag())
                            : addToSet(TAGS, change.tag());
                    // why: the undone job's mark goes with the change it marked
                    items.updateMany(and(in(ID, change.itemIds()), marked),
                            combine(reversal, pull(TAG_CHANGES, TagMarks.of(undone, operation == Operation.ADD_TAGS,
                                    change.tag())), set(UPDATED_AT, now), set(LAST_JOB_ID, undo.value())));
                }
            }
            default -> throw new IllegalStateException(operation.wireValue() + " cannot be undone");
        }
        return Optional.of(account(batch, entry, undo, held));
    }

    /**
     * Records the batch: the items now marked by the undo are its own, those still marked by the undone
     * job and held were left for the hold, the others were changed since or are gone.
     */
    private LedgerEntry account(BatchContext batch, LedgerEntry entry, JobId undo, Holds.Covering held) {
        var reversed = new ArrayList<ObjectId>();
        long changedSince = 0;
        long kept = 0;
        var found = new java.util.HashSet<ObjectId>();
        for (int from = 0; from < entry.itemIds().size(); from += BatchWriter.READ_CHUNK) {
            var chunk = entry.itemIds().subList(from, Math.min(entry.itemIds().size(), from + BatchWriter.READ_CHUNK));
            for (Document item : items.find(in(ID, chunk)).projection(include(ID, LAST_JOB_ID, CREATED_BY, TAGS))) {
                if (owner != null && !Objects.equals(owner.value(), item.getObjectId(CREATED_BY))) {
                    continue;
                }
                found.add(item.getObjectId(ID));
                if (undo.value().equals(item.getObjectId(LAST_JOB_ID))) {
                    reversed.add(item.getObjectId(ID));
                } else if (undone.value().equals(item.getObjectId(LAST_JOB_ID)) && held.covers(item)) {
                    kept++;
                } else {
                    changedSince++;
                }
            }
        }
        long gone = entry.itemIds().size() - found.size();
        var counts = new JobCounts(reversed.size(), 0, gone, 0, changedSince, 0, kept);
        return batch.record(reversed, counts, List.of(), CleanupResult.NONE,
                batch.checkpoint().next(STEP, entry.itemIds().size(), null), Optional.empty());
    }

    private Bson owned(Bson condition) {
        return owner == null ? condition : and(condition, eq(CREATED_BY, owner.value()));
    }

    /** @return the undone job's batches that changed items, in batch order; read once, the job being finished */
    private List<LedgerEntry> entries() {
        if (entries == null) {
            entries = ledger.of(undone).stream().filter(entry -> !entry.itemIds().isEmpty()).toList();
        }
        return entries;
    }
}
