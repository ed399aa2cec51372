package io.flowhub.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A job's state after a batch: the sum of its ledger entries so far. Written whole, so writing the
 * same batch's outcome twice leaves the same document.
 *
 * @param counts     the counts so far
 * @param checkpoint where the next batch starts
 * @param totalItems the items the job covers, as far as known
 * @param errors     the first {@link JobError#KEPT} failures
 * @param result     what a cleanup job deleted (or would delete) so far, per collection and files
 */
public record JobProgress(JobCounts counts, Checkpoint checkpoint, long totalItems, List<JobError> errors,
                          CleanupResult result) {

    public JobProgress {
        errors = List.copyOf(errors);
    }

    public static JobProgress none(long totalItems) {
        return new JobProgress(JobCounts.NONE, Checkpoint.START, totalItems, List.of(), CleanupResult.NONE);
    }

    /** @return the progress with one more recorded batch folded in */
    public JobProgress plus(LedgerEntry entry) {
        return new JobProgress(counts.plus(entry.counts()), entry.through(),
                Math.max(totalItems, entry.through().cursor()), firstErrors(errors, entry.errors()),
                result.plus(entry.deleted()));
    }

    /** @return the same progress over {@code total} items */
    public JobProgress withTotal(long total) {
        return new JobProgress(counts, checkpoint, total, errors, result);
    }

    /** @return the progress of a job that is done: its total is what it accounted for */
    public JobProgress finished() {
        return new JobProgress(counts, checkpoint, counts.total(), errors, result);
    }

    private static List<JobError> firstErrors(List<JobError> kept, List<JobError> more) {
        if (more.isEmpty() || kept.size() >= JobError.KEPT) {
            return kept;
        }
        var errors = new ArrayList<>(kept);
        errors.addAll(more.subList(0, Math.min(more.size(), JobError.KEPT - kept.size())));
        return errors;
    }
}
