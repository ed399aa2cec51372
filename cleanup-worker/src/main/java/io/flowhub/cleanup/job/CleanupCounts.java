package io.flowhub.cleanup.job;

import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.JobCounts;

/** How a cleanup batch's deletions count in its job: every document deleted is processed; files are reported apart. */
public final class CleanupCounts {

    private CleanupCounts() {
    }

    public static JobCounts processed(CleanupResult deleted) {
        return new JobCounts(deleted.documents(), 0, 0, 0, 0).plusHeld(deleted.get(CleanupResult.Count.HELD));
    }
}
