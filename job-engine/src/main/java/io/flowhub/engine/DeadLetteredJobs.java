package io.flowhub.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.engine.JobFields.*;

/**
 * Jobs whose command a worker gave up on and sent to the dead-letter topic. Such a job is failed with a mark
 * ({@code dead_lettered}) before its command goes there; replaying the command reopens the job — the one way a
 * finished job moves again, taken in one conditional write, so two replays at once reopen it once — and the
 * replayed command then runs it on from its checkpoint, its ledger keeping the counts exact.
 */
public class DeadLetteredJobs {

    private final MongoCollection<Document> jobs;
    private final JobStore store;
    private final ProcessedCommands processed;
    private final Clock clock;

    public DeadLetteredJobs(MongoDatabase database, JobStore store, ProcessedCommands processed, Clock clock) {
        this.jobs = database.getCollection(CollectionNames.JOBS);
        this.store = store;
        this.processed = processed;
        this.clock = clock;
    }

    /** Fails the job of a command given up on, marked as dead-lettered. @return false when it had finished already */
    public boolean fail(JobId jobId, String reason) {
        return store.fail(jobId, reason, set(DEAD_LETTERED, true));
    }

    /**
     * Reopens a job failed by {@link #fail}: queued again with its counts and checkpoint, and its command's
     * tombstone forgotten, so that its command, sent again, runs it on.
     *
     * @return the job reopened now, or empty when it is not a dead-lettered failure (never was, or reopened already)
     */
    public Optional<Job> reopen(JobId jobId, java.util.UUID commandId) {
        Instant now = clock.instant();
        Optional<Job> reopened = translated("reopen job " + jobId, () -> Optional.ofNullable(jobs.findOneAndUpdate(
                        and(eq(ID, jobId.value()), eq(STATUS, JobStatus.FAILED.wireValue()), eq(DEAD_LETTERED, true)),
                        combine(set(STATUS, JobStatus.QUEUED.wireValue()), unset(DEAD_LETTERED), unset(FAILURE_REASON),
                                unset(FINISHED_AT), unset(WORKER_ID), unset(LEASE), set(UPDATED_AT, Date.from(now))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(JobDocumentMapper::toJob));
        reopened.ifPresent(job -> processed.forget(commandId, JobStatus.FAILED.wireValue()));
        return reopened;
    }
}
