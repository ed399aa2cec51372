package io.flowhub.gateway.job;

import io.flowhub.store.job.Job;

import java.time.Instant;

/** A job as the API shows it, with the seed system's field names. */
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
        String failureReason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    static JobView of(Job job) {
        return new JobView(job.id().toHexString(), job.kind().wireValue(), job.operation(), job.status().wireValue(),
                job.progress(), job.totalItems(), job.counts().processed(), job.counts().failed(),
                job.counts().skipped(), job.failureReason(), job.createdAt(), job.startedAt(), job.finishedAt(),
                job.updatedAt());
    }
}
