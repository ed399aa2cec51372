package io.flowhub.cleanup.job;

import io.flowhub.store.job.JobStore;
import org.bson.types.ObjectId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running cleanup job as its task sees it: the job id (recorded on file removals), whether it is
 * a dry run, and a way to record what it has done so far, which also renews the job's lease.
 */
public final class CleanupContext {

    private final ObjectId jobId;
    private final boolean dryRun;
    private final JobStore jobs;
    private final String workerId;
    private final Map<String, Long> result = new LinkedHashMap<>();
    private long step;

    CleanupContext(ObjectId jobId, boolean dryRun, JobStore jobs, String workerId) {
        this.jobId = jobId;
        this.dryRun = dryRun;
        this.jobs = jobs;
        this.workerId = workerId;
    }

    public ObjectId jobId() {
        return jobId;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** Adds to the result and records it on the job. */
    public void done(String what, long count) {
        result.merge(what, count, Long::sum);
        jobs.recordResult(jobId, workerId, ++step, resultSoFar());
    }

    /**
     * Records how far a step under way has got, on top of what is done, and renews the job's lease;
     * unlike {@link #done}, a later call replaces the figure rather than adding to it, so a step that
     * starts over (a transaction retried) counts again from zero.
     */
    public void progress(String what, long soFarInThisStep) {
        var shown = new LinkedHashMap<>(result);
        shown.merge(what, soFarInThisStep, Long::sum);
        jobs.recordResult(jobId, workerId, ++step, shown);
    }

    /** @return what the job has recorded as done */
    public Map<String, Long> resultSoFar() {
        return new LinkedHashMap<>(result);
    }

    Map<String, Long> result() {
        return result;
    }
}
