package io.flowhub.cleanup.job;

import io.flowhub.store.job.JobCounts;

import java.util.Map;

/** How a cleanup batch's deletions count in its job: every document deleted is processed; files are reported apart. */
public final class CleanupCounts {

    private CleanupCounts() {
    }

    public static JobCounts processed(Map<String, Long> deleted) {
        long documents = deleted.entrySet().stream().filter(entry -> !entry.getKey().startsWith("files"))
                .mapToLong(Map.Entry::getValue).sum();
        return new JobCounts(documents, 0, 0, 0, 0);
    }
}
