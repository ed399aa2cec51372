package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The job was cancelled; the snapshot holds the counts up to then.
 */
public record JobCancelled(int schemaVersion, String jobId, UUID commandId, Instant at, JobSnapshot job)
        implements JobEvent {
}
