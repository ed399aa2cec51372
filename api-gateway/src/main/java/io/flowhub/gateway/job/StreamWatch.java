package io.flowhub.gateway.job;

import io.flowhub.gateway.limit.Slots.Slot;
import io.flowhub.store.JobId;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open event stream of {@link JobProgressStream}: the caller's slot it holds, which job, since when, when to read
 * the job next, what it sent last, and whether a send is under way.
 */
final class StreamWatch {

    private final Slot slot;
    private final JobId jobId;
    final Instant since;
    final AtomicBoolean sending = new AtomicBoolean();
    volatile Instant nextRead;
    volatile Instant lastSeen;

    StreamWatch(Slot slot, JobId jobId, Instant since) {
        this.slot = slot;
        this.jobId = jobId;
        this.since = since;
        this.nextRead = since;
    }

    Slot slot() {
        return slot;
    }

    JobId jobId() {
        return jobId;
    }
}
