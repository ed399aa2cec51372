package io.flowhub.cleanup.job;

import io.flowhub.store.job.CleanupResult;
import io.flowhub.store.job.JobCounts;

import java.util.Map;

/** How a cleanup batch's deletions count in its job: every document deleted is processed; files are reported apart. */
public final class CleanupCounts {

    private CleanupCounts() {
    }

    public static JobCounts processed(Map<String, Long> deleted) {
        return new JobCounts(CleanupResult.of(deleted).documents(), 0, 0, 0, 0);
    }
}
