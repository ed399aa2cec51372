package io.flowhub.engine;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The life of a job, {@code queued → running → completed | failed | cancelled}. Every status
 * change is made by an update whose filter admits only the statuses the table allows to move to
 * the new one, so a late write can never pull a finished job back. The one exception is not a write of a
 * worker: an operator replaying the dead-lettered command of a job failed for that reason reopens it
 * ({@link DeadLetteredJobs}), under a filter that names exactly that failure.
 */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    // why: RUNNING → RUNNING is a progress write, or a worker taking over a job whose worker died.
    private static final Map<JobStatus, Set<JobStatus>> ALLOWED_NEXT = Map.of(
            QUEUED, EnumSet.of(RUNNING, FAILED, CANCELLED),
            RUNNING, EnumSet.of(RUNNING, COMPLETED, FAILED, CANCELLED),
            COMPLETED, EnumSet.noneOf(JobStatus.class),
            FAILED, EnumSet.noneOf(JobStatus.class),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    /** @return the value stored in MongoDB and shown by the API */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWireValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isFinished() {
        return ALLOWED_NEXT.get(this).isEmpty();
    }

    public boolean canMoveTo(JobStatus next) {
        return ALLOWED_NEXT.get(this).contains(next);
    }

    /** @return the statuses from which a job may move to {@code target} */
    public static Set<JobStatus> predecessorsOf(JobStatus target) {
        var from = EnumSet.noneOf(JobStatus.class);
        for (JobStatus status : values()) {
            if (status.canMoveTo(target)) {
                from.add(status);
            }
        }
        return from;
    }
}
