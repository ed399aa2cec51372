package io.flowhub.gateway.job;

import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobError;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it, with the seed system's field names; {@code result} is what a cleanup
 * job deleted so far, per collection and files (empty for a bulk job).
 */
record JobView(
        String jobId,
        String kind,
        String operation,
        String status,
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
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    static JobView of(Job job) {
        var counts = job.counts();
        return new JobView(job.id().toHexString(), job.kind().wireValue(), job.operation(), job.status().wireValue(),
                job.progress(), job.totalItems(), counts.processed(), counts.failed(), counts.skipped(),
                counts.skipReasons(), job.errors(), job.result(), job.failureReason(), job.attempts(), job.createdAt(),
                job.startedAt(), job.finishedAt(), job.updatedAt());
    }
}
