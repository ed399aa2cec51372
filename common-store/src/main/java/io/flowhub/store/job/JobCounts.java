package io.flowhub.store.job;

/**
 * What a job has done so far.
 *
 * @param processed items the job changed
 * @param skipped   items left as they were: already in the target state, or not found
 * @param failed    items that could not be changed
 */
public record JobCounts(long processed, long skipped, long failed) {

    public static final JobCounts NONE = new JobCounts(0, 0, 0);

    public JobCounts plus(JobCounts other) {
        return new JobCounts(processed + other.processed, skipped + other.skipped, failed + other.failed);
    }

    public long total() {
        return processed + skipped + failed;
    }
}
