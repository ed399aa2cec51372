package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The job finished; the snapshot holds the final counts.
 */
public record JobCompleted(int schemaVersion, String jobId, UUID commandId, Instant at, JobSnapshot job)
        implements JobEvent {
}
