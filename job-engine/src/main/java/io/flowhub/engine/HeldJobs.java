package io.flowhub.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.engine.JobFields.*;

/**
 * What the worker that holds a job writes while it runs it: the claim under a new lease token, each
 * batch's progress, the heartbeat, a turn handed back, the completion. Every write names the lease
 * (worker id and token), so a worker whose job was taken over, cancelled or deleted changes nothing;
 * another worker may claim the job only once the holder's heartbeat is older than the lease.
 */
public class HeldJobs {

    private final MongoCollection<Document> jobs;
    private final Clock clock;
    private final JobWrites writes;

    public HeldJobs(MongoDatabase database, Clock clock, JobEventSink events) {
        this.jobs = database.getCollection(CollectionNames.JOBS);
        this.clock = clock;
        this.writes = new JobWrites(jobs, clock, events);
    }

    /**
     * Takes a job for this worker under a new lease token: a queued one, one handed back, one this worker's id
     * holds already, or a running one whose worker has not reported for longer than the lease.
     *
     * @return the job as it now stands, or empty when it is finished or another live worker holds it
     */
    public Optional<Job> start(JobId jobId, String workerId, ObjectId token, Duration lease, long totalItems) {
        return start(jobId, workerId, token, lease, totalItems, true);
    }

    /**
     * As {@link #start(JobId, String, ObjectId, Duration, long)}.
     *
     * @param mayBeHandedBack false when the job was read queued, so that it cannot be one handed back: one write
     *                        fewer (should another worker take it and hand it back meanwhile, this claim finds it
     *                        held and leaves it to the copy of its command the hand-back sent)
     */
    public Optional<Job> start(JobId jobId, String workerId, ObjectId token, Duration lease, long totalItems,
            boolean mayBeHandedBack) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        // why: a job that handed its turn back is taken again without counting an attempt or announcing a start
        Optional<Job> nextTurn = !mayBeHandedBack ? Optional.empty() : writes.update(and(eq(ID, id), eq(STATUS, JobStatus.RUNNING.wireValue()),
                        exists(HANDED_BACK_AT)),
                combine(set(WORKER_ID, workerId), set(LEASE, token), set(HEARTBEAT_AT, Date.from(now)),
                        set(UPDATED_AT, Date.from(now)), unset(HANDED_BACK_AT), unset(HANDOFF_SENT)));
        if (nextTurn.isPresent()) {
            return nextTurn;
        }
        Bson available = or(
                eq(STATUS, JobStatus.QUEUED.wireValue()),
                // why: its own worker id is a process restarted under a fixed id; the engine never claims a job that
                // another of its own threads still holds
                and(eq(STATUS, JobStatus.RUNNING.wireValue()), or(
                        eq(WORKER_ID, workerId),
                        exists(HEARTBEAT_AT, false),
                        lt(HEARTBEAT_AT, Date.from(now.minus(lease))))));
        Bson update = combine(
                set(STATUS, JobStatus.RUNNING.wireValue()),
                set(WORKER_ID, workerId),
                set(LEASE, token),
                set(HEARTBEAT_AT, Date.from(now)),
                set(UPDATED_AT, Date.from(now)),
                min(STARTED_AT, Date.from(now)),
                inc(ATTEMPTS, 1),
                unset(HANDED_BACK_AT),
                unset(HANDOFF_SENT));
        Optional<Job> started = writes.update(and(eq(ID, id), available),
                totalItems > 0 ? combine(update, set(TOTAL_ITEMS, totalItems)) : update);
        started.ifPresent(job -> writes.announce(JobEvents.started(job, now)));
        return started;
    }

    /**
     * Records a batch's outcome and renews the holder's heartbeat.
     *
     * @return the job as recorded (its holds mark among it), or empty when it is no longer this worker's to run:
     *         cancelled, failed, or taken over
     */
    public Optional<Job> recordProgress(JobId jobId, JobLease lease, JobProgress progress) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        Optional<Job> recorded = writes.heldBy(id, lease, JobStatus.RUNNING, combine(
                JobDocumentMapper.progressUpdate(progress),
                set(PROGRESS, percent(progress.checkpoint().cursor(), progress.totalItems())),
                set(HEARTBEAT_AT, Date.from(now))));
        recorded.ifPresent(job -> writes.announce(JobEvents.progressed(job, now)));
        return recorded;
    }

    /**
     * Lets go of a running job between two batches, so that other jobs get their turn; the worker
     * then sends its command to the end of the queue, and whoever reads it takes the job again
     * from its checkpoint. A worker dying between the two leaves a job with a heartbeat that goes
     * stale: the sweeper sends its command again.
     *
     * @return false when the job is no longer this worker's to run: cancelled, failed, or taken over
     */
    public boolean handBack(JobId jobId, JobLease lease) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        return translated("hand back job " + id, () -> jobs.updateOne(
                and(JobWrites.heldUnder(id, lease), eq(STATUS, JobStatus.RUNNING.wireValue())),
                combine(set(WORKER_ID, null), set(HANDED_BACK_AT, Date.from(now)), set(HEARTBEAT_AT, Date.from(now)),
                        set(HANDOFF_SENT, false), set(UPDATED_AT, Date.from(now)), inc(TURNS, 1))).getModifiedCount() == 1);
    }

    /**
     * Notes that the command of a job handed back is on its topic again: its copy will be read, so the sweeper never
     * sends another however long the copy waits behind other commands (two copies would circulate until the job ends).
     * A job handed back without this note (its worker died between the two) is sent again once its lease runs out.
     */
    public void handedOver(JobId jobId, JobLease lease) {
        ObjectId id = jobId.value();
        translated("note the hand-over of job " + id, () -> jobs.updateOne(
                and(eq(ID, id), eq(LEASE, lease.token()), exists(HANDED_BACK_AT)), set(HANDOFF_SENT, true)));
    }

    /** Renews the holder's heartbeat. @return false when another holds the job now, or it is gone */
    boolean renew(JobId jobId, JobLease lease) {
        ObjectId id = jobId.value();
        // why: whatever its status: a holder whose job was cancelled meanwhile still finishes and records the batch
        // under way (the cancel is seen at the batch's end); only another holder or the job's deletion ends the lease
        return translated("renew the lease of job " + id, () -> jobs.updateOne(
                and(JobWrites.heldUnder(id, lease), exists(HANDED_BACK_AT, false)),
                set(HEARTBEAT_AT, Date.from(clock.instant()))).getMatchedCount() == 1);
    }

    /**
     * Records the counts of the batch a worker finished after its job was cancelled, so that the
     * cancelled job's counts match what was written. The status stays {@code cancelled}. A worker that comes back late
     * — paused or cut off from the database until the sweeper settled the job from its ledger — knows fewer batches
     * than the job shows, and leaves its counts as they are: they never go back. Either way a settled job is left for
     * the sweeper to check against its ledger and items once more, since a worker stopping here may have written a
     * batch it could not record (its fence refused the record after the write).
     */
    public void recordLastBatchOfCancelled(JobId jobId, JobLease lease, JobProgress progress) {
        ObjectId id = jobId.value();
        // why: first, so that a worker dying between the two writes still leaves the job for the sweep to check
        translated("unsettle job " + id, () -> jobs.updateOne(
                and(eq(ID, id), eq(STATUS, JobStatus.CANCELLED.wireValue()), eq(LEDGER_SETTLED, true)),
                set(LEDGER_SETTLED, false)));
        translated("record job " + id, () -> jobs.updateOne(
                and(JobWrites.heldUnder(id, lease), eq(STATUS, JobStatus.CANCELLED.wireValue()),
                        lte(BATCHES, progress.checkpoint().batch())),
                combine(JobDocumentMapper.progressUpdate(progress), set(UPDATED_AT, Date.from(clock.instant())))));
    }

    /** Completes a job with its final counts and, for a cleanup job, what it deleted (or would delete). */
    public boolean complete(JobId jobId, JobLease lease, JobProgress progress) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        Optional<Job> completed = writes.heldBy(id, lease, JobStatus.COMPLETED, combine(
                JobDocumentMapper.progressUpdate(progress),
                set(PROGRESS, 100),
                set(FINISHED_AT, Date.from(now))));
        completed.ifPresent(job -> writes.announce(JobEvents.completed(job, now)));
        return completed.isPresent();
    }

    static int percent(long done, long total) {
        if (total <= 0) {
            return 0;
        }
        // why: 100 is kept for a completed job, so a job with work left never shows it
        return (int) Math.min(99, done * 100 / total);
    }
}
