package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The job stopped for good; {@code reason} says why.
 * @param reason why, in words a person can act on
 */
public record JobFailed(int schemaVersion, String jobId, UUID commandId, Instant at, JobSnapshot job, String reason)
        implements JobEvent {
}
