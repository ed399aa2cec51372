package io.flowhub.cleanup.job;

/** A cleanup command that cannot run as asked: its job fails with this reason and nothing is deleted. */
public class CleanupRefusedException extends RuntimeException {

    public CleanupRefusedException(String reason) {
        super(reason);
    }
}
