package io.flowhub.engine;

import com.mongodb.client.ClientSession;
import io.flowhub.store.JobId;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The batch a job is about to do: its number, where it starts, and how to record it in the ledger. */
public final class BatchContext {

    private final Job job;
    private final JobProgress progress;
    private final JobLedger ledger;
    private final JobLease lease;
    private final ObjectId holdsMark;
    private final Clock clock;

    /** @param holdsMark the job's holds mark as the holder's last write to the job returned it */
    BatchContext(Job job, JobProgress progress, ObjectId holdsMark, JobLedger ledger, JobLease lease, Clock clock) {
        this.job = job;
        this.progress = progress;
        this.holdsMark = holdsMark;
        this.ledger = ledger;
        this.lease = lease;
        this.clock = clock;
    }

    public JobId jobId() {
        return job.id();
    }

    public boolean dryRun() {
        return job.dryRun();
    }

    /** @return this batch's number, from 1 */
    public int number() {
        return progress.checkpoint().batch() + 1;
    }

    /** @return where the job stands before this batch */
    public Checkpoint checkpoint() {
        return progress.checkpoint();
    }

    /**
     * @return the job's holds mark as of this batch's beginning (its holder's last write to the job): a batch may
     *         go by the holds read under the same mark ({@link HoldsMark})
     */
    public ObjectId holdsMark() {
        return holdsMark;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Comes before each write of the batch (to items, files, other records): refuses it once the worker may no
     * longer hold the job ({@link JobLease#fence()}). {@link #record} fences itself.
     *
     * @throws LeaseLostException when the write must not be made
     */
    public void fence() {
        lease.fence();
    }

    /**
     * Records this batch in the job's ledger (inside the given transaction, if any): its commit point.
     *
     * @param through the checkpoint after this batch, from {@code checkpoint().next(...)}
     * @return the entry as recorded; when this batch was recorded before, the first record
     */
    public LedgerEntry record(List<ObjectId> itemIds, JobCounts counts, List<JobError> errors,
            CleanupResult deleted, Checkpoint through, Optional<ClientSession> session) {
        return record(itemIds, counts, errors, deleted, List.of(), through, session);
    }

    /** Records a batch of a tag job, with the tags it really changed on which items (for an undo). */
    public LedgerEntry record(List<ObjectId> itemIds, JobCounts counts, List<JobError> errors,
            CleanupResult deleted, List<TagChange> tagChanges, Checkpoint through, Optional<ClientSession> session) {
        if (through.batch() != number()) {
            throw new IllegalArgumentException("Batch " + number() + " of job " + job.id() + " cannot record checkpoint "
                    + through.batch());
        }
        lease.fence();
        return ledger.record(new LedgerEntry(job.id(), number(), job.operation(), job.owner(), job.targetUserId(),
                itemIds, counts, errors, deleted, through, clock.instant(), tagChanges), session);
    }
}
