package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker started the job, or took it over from a worker that stopped.
 */
public record JobStarted(int schemaVersion, String jobId, UUID commandId, Instant at, JobSnapshot job)
        implements JobEvent {
}
