package io.flowhub.engine;

import io.flowhub.store.JobId;

/**
 * A worker no longer holds the job it was running, or cannot be sure it does: another took it over after its lease
 * ran out, the job was deleted, or the lease was not renewed for too long (a paused process). Thrown by the fence
 * before a write, so that the write is never made.
 */
public class LeaseLostException extends RuntimeException {

    LeaseLostException(JobId jobId, String why) {
        super("No longer holding job " + jobId + ": " + why);
    }
}
