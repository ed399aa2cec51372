package io.flowhub.gateway.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowhub.events.ContractJson;
import io.flowhub.events.Operation;
import io.flowhub.events.UndoJob;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobError;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it, with the seed system's field names: the one view of a job, for its owner, the internal
 * API and the event stream. {@code owner} is who asked for it as the Kafka contract spells it (a user id,
 * {@code key:<fingerprint>}, {@code schedule}). {@code result} is what a cleanup job deleted so far, per collection
 * and files (empty for a bulk job); {@code undoes} the job an undo reverses; {@code undoable} whether an undo of it
 * would be accepted now (finished, not a dry run, not a hard delete, not an undo).
 */
public record JobView(
        String jobId,
        String kind,
        String operation,
        @JsonInclude(JsonInclude.Include.NON_NULL) String owner,
        @JsonInclude(JsonInclude.Include.NON_NULL) String undoes,
        String status,
        boolean dryRun,
        int progress,
        long totalItems,
        long processed,
        long failed,
        long skipped,
        Map<String, Long> skipReasons,
        List<JobError> errors,
        Map<String, Long> result,
        String failureReason,
        int attempts,
        boolean undoable,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    public static JobView of(Job job) {
        var counts = job.counts();
        return new JobView(job.id().toString(), job.kind().wireValue(), job.operation(), job.ownerInContract(), undoes(job),
                job.status().wireValue(),
                job.dryRun(), job.progress(), job.totalItems(), counts.processed(), counts.failed(), counts.skipped(),
                counts.skipReasons(), job.errors(), job.result().toMap(), job.failureReason(), job.attempts(),
                UndoSubmitter.whyNotUndoable(job).isEmpty(),
                job.createdAt(), job.startedAt(), job.finishedAt(), job.updatedAt());
    }

    private static String undoes(Job job) {
        return job.undoes() == null ? null : job.undoes().toString();
    }
}
