package io.flowhub.engine;

import io.flowhub.events.JobAccepted;
import io.flowhub.events.JobCancelled;
import io.flowhub.events.JobCompleted;
import io.flowhub.events.JobEvent;
import io.flowhub.events.JobFailed;
import io.flowhub.events.JobProgressed;
import io.flowhub.events.JobSnapshot;
import io.flowhub.events.JobStarted;
import io.flowhub.events.SchemaVersion;

import java.time.Instant;

/** Turns a job that just changed into the event that announces the change. */
final class JobEvents {

    private JobEvents() {
    }

    static JobEvent accepted(Job job, Instant at) {
        return new JobAccepted(SchemaVersion.CURRENT, id(job), job.commandId(), at, snapshot(job));
    }

    static JobEvent started(Job job, Instant at) {
        return new JobStarted(SchemaVersion.CURRENT, id(job), job.commandId(), at, snapshot(job));
    }

    static JobEvent progressed(Job job, Instant at) {
        return new JobProgressed(SchemaVersion.CURRENT, id(job), job.commandId(), at, snapshot(job));
    }

    static JobEvent completed(Job job, Instant at) {
        return new JobCompleted(SchemaVersion.CURRENT, id(job), job.commandId(), at, snapshot(job));
    }

    static JobEvent failed(Job job, Instant at) {
        return new JobFailed(SchemaVersion.CURRENT, id(job), job.commandId(), at, snapshot(job), job.failureReason());
    }

    static JobEvent cancelled(Job job, Instant at) {
        return new JobCancelled(SchemaVersion.CURRENT, id(job), job.commandId(), at, snapshot(job));
    }

    static JobSnapshot snapshot(Job job) {
        var counts = job.counts();
        return new JobSnapshot(job.kind().wireValue(), job.operation(),
                job.ownerInContract(), job.status().wireValue(),
                job.progress(), job.totalItems(), counts.processed(), counts.skipped(), counts.skipReasons(),
                counts.failed());
    }

    private static String id(Job job) {
        return job.id().toString();
    }
}
