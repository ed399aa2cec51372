package io.flowhub.cleanup.job;

import io.flowhub.engine.BatchContext;
import io.flowhub.engine.Checkpoint;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.LedgerEntry;

import java.util.List;
import java.util.Optional;

/**
 * A step that removes whole records rather than items a batch at a time: it counts what it will delete and records
 * that as one ledger entry (the checkpoint's cursor moving on by the documents counted), then deletes it when the
 * entry is settled; a step resumed after its entry finds its own checkpoint and does nothing more, and deleting
 * again finds nothing.
 */
public abstract class RecordsStep implements Steps.Step {

    /** @return what the step would delete now */
    public abstract CleanupResult count();

    @Override
    public long left(Checkpoint from) {
        return owns(from) ? 0 : count().documents();
    }

    @Override
    public boolean totalTakesARead() {
        return true;
    }

    @Override
    public final Optional<LedgerEntry> next(BatchContext batch) {
        if (owns(batch)) {
            return Optional.empty();
        }
        CleanupResult counts = count();
        return Optional.of(batch.record(List.of(), CleanupCounts.processed(counts), List.of(), counts,
                batch.checkpoint().next(name(), counts.documents(), null), Optional.empty()));
    }
}
