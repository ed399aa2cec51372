package io.flowhub.store.job;

import org.bson.types.ObjectId;

import java.util.List;

/**
 * A job's state after a batch: written whole, so writing the same batch's outcome twice leaves
 * the same document.
 *
 * @param counts      the counts so far
 * @param cursor      how many selected items the job has worked through
 * @param resumeAfter for a filter job, the last item id worked through; {@code null} for id lists
 * @param totalItems  the items the job covers, as far as known
 * @param errors      the first {@link JobError#KEPT} failures
 */
public record JobProgress(JobCounts counts, long cursor, ObjectId resumeAfter, long totalItems, List<JobError> errors) {
}
