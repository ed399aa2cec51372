package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The job was recorded and its command is on its way to a worker.
 */
public record JobAccepted(int schemaVersion, String jobId, UUID commandId, Instant at, JobSnapshot job)
        implements JobEvent {
}
