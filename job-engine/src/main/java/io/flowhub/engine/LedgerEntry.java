package io.flowhub.engine;

import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.List;

/**
 * One batch of one job, as its ledger keeps it: exactly which items the batch changed or deleted,
 * and what it counted. The entry is the batch's commit point: a batch whose entry exists is done
 * (what is left of it, such as removing files, is finished from the entry), and a batch without one
 * is done again, finding its own earlier changes.
 *
 * @param jobId        the job
 * @param batch        its number within the job, from 1; unique per job
 * @param operation    the job's operation
 * @param owner        who asked for the job, or {@code null} when its command named no one
 * @param targetUserId whose data the job is about, for a per-user purge; else {@code null}
 * @param itemIds      the items this batch changed or deleted
 * @param counts       the batch's counts
 * @param errors       the items the batch could not change, and why
 * @param deleted      for cleanup jobs, what the batch deleted per collection and files; else {@link CleanupResult#NONE}
 * @param through      the job's checkpoint after this batch
 * @param at           when the batch was recorded
 * @param tagChanges   for tag jobs, which tags the batch really added to or removed from which items; else empty
 */
public record LedgerEntry(JobId jobId, int batch, String operation, Owner owner, UserId targetUserId,
                          List<ObjectId> itemIds, JobCounts counts, List<JobError> errors, CleanupResult deleted,
                          Checkpoint through, Instant at, List<TagChange> tagChanges) {

    public LedgerEntry {
        itemIds = List.copyOf(itemIds);
        errors = List.copyOf(errors);
        tagChanges = tagChanges == null ? List.of() : List.copyOf(tagChanges);
    }

    /** An entry of a batch that changed no tags. */
    public LedgerEntry(JobId jobId, int batch, String operation, Owner owner, UserId targetUserId,
            List<ObjectId> itemIds, JobCounts counts, List<JobError> errors, CleanupResult deleted, Checkpoint through,
            Instant at) {
        this(jobId, batch, operation, owner, targetUserId, itemIds, counts, errors, deleted, through, at, List.of());
    }

    /** @return this entry with other deletion counts, as settling it found them */
    public LedgerEntry withDeleted(CleanupResult settled) {
        return new LedgerEntry(jobId, batch, operation, owner, targetUserId, itemIds, counts, errors, settled, through,
                at, tagChanges);
    }
}
