package io.flowhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A batch finished; the snapshot holds the counts so far.
 */
public record JobProgressed(int schemaVersion, String jobId, UUID commandId, Instant at, JobSnapshot job)
        implements JobEvent {
}
