package io.flowhub.engine;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static io.flowhub.engine.JobFields.*;

/**
 * Records jobs, reads one, and ends one from outside: failed, cancelled, settled after its worker died.
 * Every status change is an update whose filter admits only the statuses {@link JobStatus} allows to
 * move to the new one, so writes that arrive late or twice change nothing. What the worker holding a
 * job writes while it runs is {@link HeldJobs}. Each change that happens is announced to the
 * {@link JobEventSink}.
 */
public class JobStore {

    private static final Logger log = LoggerFactory.getLogger(JobStore.class);

    private final MongoCollection<Document> jobs;
    private final Clock clock;
    private final JobWrites writes;

    public JobStore(MongoDatabase database, Clock clock, JobEventSink events) {
        this.jobs = database.getCollection(CollectionNames.JOBS);
        this.clock = clock;
        this.writes = new JobWrites(jobs, clock, events);
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
                    writes.announce(JobEvents.accepted(created, clock.instant()));
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

    public boolean fail(JobId jobId, String reason) {
        return fail(jobId, reason, combine());
    }

    /** @param more what else to write with the failure */
    boolean fail(JobId jobId, String reason, Bson more) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        Optional<Job> failed = writes.transition(id, JobStatus.FAILED, combine(
                set(FAILURE_REASON, reason), set(FINISHED_AT, Date.from(now)), more));
        failed.ifPresent(job -> writes.announce(JobEvents.failed(job, now)));
        return failed.isPresent();
    }

    /** @return the cancelled job, or empty when it had finished already; the worker stops at its next batch */
    public Optional<Job> cancel(JobId jobId) {
        ObjectId id = jobId.value();
        Instant now = clock.instant();
        Optional<Job> cancelled = writes.transition(id, JobStatus.CANCELLED, set(FINISHED_AT, Date.from(now)));
        cancelled.ifPresent(job -> {
            log.info("Job {} was cancelled at {}% ({} of {} items processed); its worker stops at its next batch",
                    jobId, job.progress(), job.counts().processed(), job.totalItems());
            writes.announce(JobEvents.cancelled(job, now));
        });
        return cancelled;
    }

    /**
     * @return the command's job: the one its producer recorded (empty once deleted), or, for a producer outside the
     *         gateway that records none, the one its command id names, recorded now if it is not yet
     */
    public Optional<Job> forCommand(JobCommand command) {
        if (command.jobId() != null) {
            return find(command.jobId());
        }
        // why: the command id keeps a redelivery to one job
        return Optional.of(createIfAbsent(new NewJob(new JobId(new ObjectId()), command.kind(), command.operation(),
                command.owner(), command.targetUserId(), command.undoes(), command.deletesForGood(), command.commandId(),
                0, command.commandJson(), command.dryRun())));
    }
}
