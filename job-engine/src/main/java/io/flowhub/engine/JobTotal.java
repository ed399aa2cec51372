package io.flowhub.engine;

import io.flowhub.store.JobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many items a job covers, as one turn of the engine learns it. An id list's total is known at once. A filter's
 * is a count — a pass over the items where no index serves the filter, as long as a batch or more — so it runs on its
 * own thread beside the job's first batches and lands in the first progress written after it is done. Until then the
 * job keeps the total it had (none on a first turn, which shows as 0 % and {@code total_items} 0), so that its progress
 * never runs ahead of what the count will say: without a total, each batch would take its cursor for one (99 %).
 * On MongoDB the count runs beside the batches' writes; a server that serialises every operation on a collection
 * (the embedded mongo-java-server) runs it between them, which costs no more than counting first.
 */
final class JobTotal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobTotal.class);
    // why: a count waits on the database; a virtual thread each costs nothing while it waits, and needs no shutdown
    private static final Executor COUNTING = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("job-count-", 0).factory());

    private final JobId jobId;
    private final long before;
    private final CompletableFuture<Long> count;
    private boolean landed;

    private JobTotal(JobId jobId, long before, CompletableFuture<Long> count) {
        this.jobId = jobId;
        this.before = before;
        this.count = count;
        this.landed = count == null;
    }

    /**
     * @param job the job as this turn claimed it: where it stands, and the total it had
     * @return the work's count under way, when its total takes a read; otherwise nothing to wait for (the engine
     *         claimed the job with the total it knew)
     */
    static JobTotal of(Job job, JobWork work) {
        return of(job.id(), job.checkpoint(), job.totalItems(), work, COUNTING);
    }

    static JobTotal of(JobId jobId, Checkpoint from, long before, JobWork work, Executor counting) {
        return new JobTotal(jobId, before, work.totalTakesARead()
                ? CompletableFuture.supplyAsync(() -> work.total(from), counting) : null);
    }

    /**
     * @param progress the job's progress after its latest batch
     * @return the progress with the count in it once the count is done (never below the cursor: items may come while
     *         the job runs); while it runs, with the job's earlier total if it had one, or none
     */
    JobProgress into(JobProgress progress) {
        if (landed) {
            return progress;
        }
        if (!count.isDone()) {
            return before > 0 ? progress : progress.withTotal(0);
        }
        landed = true;
        if (count.state() == Future.State.FAILED) {
            // why: the batches go on without it; the job's total is then what it has worked through, as with no count
            log.warn("Job {} could not count its items: {}", jobId, count.exceptionNow().toString());
        }
        if (count.state() != Future.State.SUCCESS) {
            return progress;
        }
        return progress.withTotal(Math.max(count.resultNow(), progress.checkpoint().cursor()));
    }

    /**
     * @param progress the progress a job stops with (cancelled)
     * @return it with the count, if that is done; otherwise with what the job accounted for as its total, so that a
     *         job cancelled before its count landed never shows fewer items than it worked through
     */
    JobProgress lastKnown(JobProgress progress) {
        JobProgress known = into(progress);
        return known.totalItems() > 0 ? known
                : known.withTotal(Math.max(known.checkpoint().cursor(), known.counts().total()));
    }

    /** Drops a count still under way (the job stopped); its answer is not waited for. */
    @Override
    public void close() {
        if (count != null) {
            count.cancel(false);
        }
    }
}
