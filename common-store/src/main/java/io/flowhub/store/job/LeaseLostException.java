package io.flowhub.store.job;

import io.flowhub.store.JobId;

/**
 * A worker no longer holds the job it was running: another took it over after its lease ran out, or the job was
 * cancelled, failed or deleted. Thrown by the fence before a write, so that the write is never made.
 */
public class LeaseLostException extends RuntimeException {

    LeaseLostException(JobId jobId, String why) {
        super("No longer holding job " + jobId + ": " + why);
    }
}
