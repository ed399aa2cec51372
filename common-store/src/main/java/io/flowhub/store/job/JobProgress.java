package io.flowhub.store.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                          Map<String, Long> result) {

    public JobProgress {
        errors = List.copyOf(errors);
        result = Map.copyOf(result);
    }

    public static JobProgress none(long totalItems) {
        return new JobProgress(JobCounts.NONE, Checkpoint.START, totalItems, List.of(), Map.of());
    }

    /** @return the progress with one more recorded batch folded in */
    public JobProgress plus(LedgerEntry entry) {
        var sum = new LinkedHashMap<>(result);
        entry.deleted().forEach((what, count) -> sum.merge(what, count, Long::sum));
        return new JobProgress(counts.plus(entry.counts()), entry.through(),
                Math.max(totalItems, entry.through().cursor()), firstErrors(errors, entry.errors()), sum);
    }

    /** @return the progress of a job that is done: its total is what it accounted for */
    public JobProgress finished() {
        return new JobProgress(counts, checkpoint, counts.total(), errors, result);
    }

    /** @return the result in a stable order, for documents and answers */
    public Map<String, Long> orderedResult() {
        return new java.util.TreeMap<>(result);
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
