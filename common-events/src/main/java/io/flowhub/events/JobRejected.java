package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A command was refused without running: invalid, or not allowed; {@code reason} says why. {@code job_id} may be null.
 * @param reason why, in words a person can act on
 */
public record JobRejected(int schemaVersion, String jobId, UUID commandId, Instant at, JobSnapshot job, String reason)
        implements JobEvent {
}
