package io.flowhub.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job as the API shows it: where a bulk operation or a cleanup stands; {@code undoes} is set on an undo. */
public record Job(
        String jobId,
        String kind,
        String operation,
        String undoes,
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
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    /** One item a job could not change, and why. */
    public record JobError(String itemId, String reason) {
    }

    /** @return true once the job is completed, failed or cancelled: it changes no more */
    public boolean isFinished() {
        return "completed".equals(status) || "failed".equals(status) || "cancelled".equals(status);
    }

    public boolean isCompleted() {
        return "completed".equals(status);
    }
}
