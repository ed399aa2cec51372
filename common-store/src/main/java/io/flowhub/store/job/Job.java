package io.flowhub.store.job;

import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as stored: what it is, where it stands, and what it has done.
 *
 * @param cursor        how many of its items the job has worked through; a resumed job starts there
 * @param attempts      how many times a worker has started it; more than one means it was resumed
 * @param failureReason why it failed, or {@code null}
 */
public record Job(
        ObjectId id,
        JobKind kind,
        String operation,
        String ownerId,
        UUID commandId,
        JobStatus status,
        int progress,
        long totalItems,
        JobCounts counts,
        long cursor,
        int attempts,
        String failureReason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    public boolean wasStartedBefore() {
        return attempts > 1;
    }
}
