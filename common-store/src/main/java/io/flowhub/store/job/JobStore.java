package io.flowhub.store.job;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.events.JobEvent;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static io.flowhub.store.StoreException.translated;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static io.flowhub.store.job.JobFields.*;

/**
 * Records jobs and their progress. Every status change is an update whose filter admits only the
 * statuses {@link JobStatus} allows to move to the new one, so writes that arrive late or twice
 * change nothing. While a job runs, one worker holds it: its progress writes carry its worker id,
 * and another worker may take the job over only when the holder's heartbeat is older than the lease.
 * Each change that happens is announced to the {@link JobEventSink}.
 */
public class JobStore {

    private static final Logger log = LoggerFactory.getLogger(JobStore.class);

    private final MongoCollection<Document> jobs;
    private final Clock clock;
    private final JobEventSink events;

    public JobStore(MongoDatabase database, Clock clock, JobEventSink events) {
        this.jobs = database.getCollection(CollectionNames.JOBS);
        this.clock = clock;
        this.events = events;
    }

    /** How long an {@code Idempotency-Key} holds on to its job; after that, the key may start a new one. */
    public static final Duration IDEMPOTENCY_KEY_TTL = Duration.ofDays(1);

    /**
     * Records a job as {@code queued}, unless its command already has a job, or its {@code Idempotency-Key} one
     * recorded within {@link #IDEMPOTENCY_KEY_TTL}: a command that is delivered twice gets the job it got the first
     * time, and so do requests that race with one key, on any number of gateway instances. The insert is the
     * claim (unique indexes on the command id and on the key), so there is no moment when a key is taken and
     * its job not yet recorded.
     *
     * @return the job recorded now, or the one recorded before; compare its id with the new job's to tell
     * @throws IdempotencyKeyReusedException when the key's job was asked with another request
     */
    public Job createIfAbsent(NewJob job) {
        return translated("create job " + job.id(), () -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    Document document = JobDocumentMapper.toDocument(job, clock.instant());
                    jobs.insertOne(document);
                    Job created = JobDocumentMapper.toJob(document);
                    announce(JobEvents.accepted(created, clock.instant()));
                    return created;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
                Bson sameJob = or(eq(COMMAND_ID, job.commandId().toString()), eq(ID, job.id().value()));
                Document existing = jobs.find(job.idempotency() == null ? sameJob
                        : or(sameJob, eq(IDEMPOTENCY_KEY, job.idempotency().key()))).first();
                if (existing == null) {
                    // why: the job that held the key was deleted (a purge, a reset) since the insert failed
                    continue;
                }
                if (job.idempotency() != null && job.idempotency().key().equals(existing.getString(IDEMPOTENCY_KEY))
                        && expired(existing)) {
                    // why: one conditional write, so that racing requests free the old key once and race again on it
                    jobs.updateOne(and(eq(ID, existing.get(ID)), eq(IDEMPOTENCY_KEY, job.idempotency().key())),
                            unset(IDEMPOTENCY_KEY));
                    continue;
                }
                return sameRequest(job.idempotency(), existing);
            }
            throw new IllegalStateException("The jobs holding the key or command of job " + job.id()
                    + " kept changing while it was recorded");
        });
    }

    /**
     * @return the job recorded within {@link #IDEMPOTENCY_KEY_TTL} under this key, if any
     * @throws IdempotencyKeyReusedException when it was asked with another request
     */
    public Optional<Job> findByKey(Idempotency key) {
        return translated("read the job of an idempotency key", () -> Optional.ofNullable(
                        jobs.find(eq(IDEMPOTENCY_KEY, key.key())).first())
                .filter(found -> !expired(found))
                .map(found -> sameRequest(key, found)));
    }

    private boolean expired(Document job) {
        return job.getDate(CREATED_AT).toInstant().isBefore(clock.instant().minus(IDEMPOTENCY_KEY_TTL));
    }

    private static Job sameRequest(Idempotency key, Document existing) {
        if (key != null && key.key().equals(existing.getString(IDEMPOTENCY_KEY))
                && !key.requestHash().equals(existing.getString(REQUEST_HASH))) {
            throw new IdempotencyKeyReusedException(key.clientKey());
        }
        return JobDocumentMapper.toJob(existing);
    }

    public Optional<Job> find(JobId jobId) {
        ObjectId id = jobId.value();
        return translated("read job " + id,
                () -> Optional.ofNullable(jobs.find(eq(ID, id)).first()).map(JobDocumentMapper::toJob));
    }

    /** Notes that an abandoned job's command was sent again, so that it is not sent again within the lease. */
    public void markResent(JobId jobId) {
        ObjectId id = jobId.value();
        translated("mark job " + id, () -> jobs.updateOne(eq(ID, id), set(RESENT_AT, Date.from(clock.instant()))));
    }

    /**
     * Takes a job for this worker under a new lease token: a queued one, one handed back, one this worker's id
     * holds already, or a running one whose worker has not reported for longer than the lease.
     *
     * @return the job as it now stands, or empty when it is finished or another live worker holds it
     */
    public Optional<Job> start(JobId jobId, String workerId, ObjectId token, Duration lease, long totalItems) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        // why: a job that handed its turn back is taken again without counting an attempt or announcing a start
        Optional<Job> nextTurn = update(and(eq(ID, id), eq(STATUS, JobStatus.RUNNING.wireValue()),
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
        Optional<Job> started = update(and(eq(ID, id), available),
                totalItems > 0 ? combine(update, set(TOTAL_ITEMS, totalItems)) : update);
        started.ifPresent(job -> announce(JobEvents.started(job, now)));
        return started;
    }

    /**
     * Records a batch's outcome and renews the holder's heartbeat.
     *
     * @return false when the job is no longer this worker's to run: cancelled, failed, or taken over
     */
    public boolean recordProgress(JobId jobId, JobLease lease, JobProgress progress) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        Optional<Job> recorded = heldBy(id, lease, JobStatus.RUNNING, combine(
                JobDocumentMapper.progressUpdate(progress),
                set(PROGRESS, percent(progress.checkpoint().cursor(), progress.totalItems())),
                set(HEARTBEAT_AT, Date.from(now))));
        recorded.ifPresent(job -> announce(JobEvents.progressed(job, now)));
        return recorded.isPresent();
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
                and(heldUnder(id, lease), eq(STATUS, JobStatus.RUNNING.wireValue())),
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
                and(heldUnder(id, lease), exists(HANDED_BACK_AT, false)),
                set(HEARTBEAT_AT, Date.from(clock.instant()))).getMatchedCount() == 1);
    }

    /**
     * Records the counts of the batch a worker finished after its job was cancelled, so that the
     * cancelled job's counts match what was written. The status stays {@code cancelled}.
     */
    public void recordLastBatchOfCancelled(JobId jobId, JobLease lease, JobProgress progress) {
        ObjectId id = jobId.value();
        translated("record job " + id, () -> jobs.updateOne(
                and(heldUnder(id, lease), eq(STATUS, JobStatus.CANCELLED.wireValue())),
                combine(JobDocumentMapper.progressUpdate(progress), set(UPDATED_AT, Date.from(clock.instant())))));
    }

    /**
     * Folds into an ended job (cancelled or failed) the batches its worker recorded in the ledger and died before
     * folding, so that its counts are what its ledger says it did. Harmless to repeat: the filter holds the
     * checkpoint it was read at.
     */
    public void settleEnded(Job ended, JobProgress progress) {
        ObjectId id = ended.id().value();
        translated("settle job " + id, () -> jobs.updateOne(and(eq(ID, id), eq(STATUS, ended.status().wireValue()),
                        eq(BATCHES, ended.checkpoint().batch())),
                combine(JobDocumentMapper.progressUpdate(progress), set(LEDGER_SETTLED, true))));
    }

    /** Notes that an ended job's ledger and counts agree, so the sweeper need not look at it again. */
    public void markSettled(JobId jobId) {
        translated("settle job " + jobId, () -> jobs.updateOne(eq(ID, jobId.value()), set(LEDGER_SETTLED, true)));
    }

    /** Completes a job with its final counts and, for a cleanup job, what it deleted (or would delete). */
    public boolean complete(JobId jobId, JobLease lease, JobProgress progress) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        Optional<Job> completed = heldBy(id, lease, JobStatus.COMPLETED, combine(
                JobDocumentMapper.progressUpdate(progress),
                set(PROGRESS, 100),
                set(FINISHED_AT, Date.from(now))));
        completed.ifPresent(job -> announce(JobEvents.completed(job, now)));
        return completed.isPresent();
    }

    public boolean fail(JobId jobId, String reason) {
        return fail(jobId, reason, combine());
    }

    /** @param more what else to write with the failure */
    boolean fail(JobId jobId, String reason, Bson more) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        Optional<Job> failed = transition(id, JobStatus.FAILED, combine(
                set(FAILURE_REASON, reason), set(FINISHED_AT, Date.from(now)), more));
        failed.ifPresent(job -> announce(JobEvents.failed(job, now)));
        return failed.isPresent();
    }

    /** @return the cancelled job, or empty when it had finished already; the worker stops at its next batch */
    public Optional<Job> cancel(JobId jobId) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        Optional<Job> cancelled = transition(id, JobStatus.CANCELLED, set(FINISHED_AT, Date.from(now)));
        cancelled.ifPresent(job -> {
            log.info("Job {} was cancelled at {}% ({} of {} items processed); its worker stops at its next batch",
                    jobId, job.progress(), job.counts().processed(), job.totalItems());
            announce(JobEvents.cancelled(job, now));
        });
        return cancelled;
    }

    private Optional<Job> heldBy(ObjectId id, JobLease lease, JobStatus target, Bson changes) {
        Bson filter = and(heldUnder(id, lease), statusMayMoveTo(target));
        return update(filter, withStatus(changes, target));
    }

    /** @return the filter of the job as long as this lease holds it: its worker, and the token of this claim */
    private static Bson heldUnder(ObjectId id, JobLease lease) {
        return and(eq(ID, id), eq(WORKER_ID, lease.workerId()), eq(LEASE, lease.token()));
    }

    private Optional<Job> transition(ObjectId id, JobStatus target, Bson changes) {
        return update(and(eq(ID, id), statusMayMoveTo(target)), withStatus(changes, target));
    }

    private static Bson statusMayMoveTo(JobStatus target) {
        return in(STATUS, JobStatus.predecessorsOf(target).stream().map(JobStatus::wireValue).toList());
    }

    private Bson withStatus(Bson changes, JobStatus target) {
        return combine(changes, set(STATUS, target.wireValue()), set(UPDATED_AT, Date.from(clock.instant())));
    }

    private Optional<Job> update(Bson filter, Bson update) {
        return translated("update job", () -> Optional.ofNullable(
                jobs.findOneAndUpdate(filter, update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(JobDocumentMapper::toJob));
    }

    private void announce(JobEvent event) {
        events.announce(event);
    }

    static int percent(long done, long total) {
        if (total <= 0) {
            return 0;
        }
        // why: 100 is kept for a completed job, so a job with work left never shows it
        return (int) Math.min(99, done * 100 / total);
    }
}
