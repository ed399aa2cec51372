package io.flowhub.store.job;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.StoreException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.job.JobFields.*;

/**
 * Records jobs and their progress. Every status change goes through {@link #transition}, whose
 * filter admits only the statuses {@link JobStatus} allows to move to the new one, so writes that
 * arrive late or twice change nothing.
 */
public class JobStore {

    private final MongoCollection<Document> jobs;
    private final Clock clock;

    public JobStore(MongoDatabase database, Clock clock) {
        this.jobs = database.getCollection(CollectionNames.JOBS);
        this.clock = clock;
    }

    /**
     * Records a job as {@code queued}, unless its command already has a job: a command that is
     * delivered twice gets the job it got the first time.
     */
    public Job createIfAbsent(NewJob job) {
        return translated("create job " + job.id(), () -> {
            try {
                jobs.insertOne(JobDocumentMapper.toDocument(job, clock.instant()));
                return find(job.id()).orElseThrow();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document existing = jobs.find(eq(COMMAND_ID, job.commandId().toString())).first();
                if (existing == null) {
                    existing = jobs.find(eq(ID, job.id())).first();
                }
                if (existing == null) {
                    throw e;
                }
                return JobDocumentMapper.toJob(existing);
            }
        });
    }

    public Optional<Job> find(ObjectId id) {
        return translated("read job " + id,
                () -> Optional.ofNullable(jobs.find(eq(ID, id)).first()).map(JobDocumentMapper::toJob));
    }

    /**
     * Moves a queued job, or a running one whose worker is gone, to {@code running} and counts the attempt.
     *
     * @return the job as it now stands, or empty when it has already finished
     */
    public Optional<Job> start(ObjectId id, long totalItems) {
        Instant now = clock.instant();
        return transition(id, JobStatus.RUNNING, combine(
                set(TOTAL_ITEMS, totalItems),
                min(STARTED_AT, Date.from(now)),
                inc(ATTEMPTS, 1)));
    }

    /**
     * Records the counts and resume point after a batch. The values are absolute, so writing
     * the same batch's outcome twice leaves the same document.
     *
     * @return false when the job is no longer running (cancelled, failed, or finished elsewhere)
     */
    public boolean recordProgress(ObjectId id, JobCounts counts, long cursor, long totalItems) {
        return transition(id, JobStatus.RUNNING, combine(
                counts(counts),
                set(CURSOR, cursor),
                set(PROGRESS, percent(cursor, totalItems)))).isPresent();
    }

    public boolean complete(ObjectId id, JobCounts counts) {
        return transition(id, JobStatus.COMPLETED, combine(
                counts(counts),
                set(PROGRESS, 100),
                set(FINISHED_AT, Date.from(clock.instant())))).isPresent();
    }

    public boolean fail(ObjectId id, String reason) {
        return transition(id, JobStatus.FAILED, combine(
                set(FAILURE_REASON, reason),
                set(FINISHED_AT, Date.from(clock.instant())))).isPresent();
    }

    private Optional<Job> transition(ObjectId id, JobStatus target, Bson changes) {
        Bson filter = and(eq(ID, id), in(STATUS, JobStatus.predecessorsOf(target).stream()
                .map(JobStatus::wireValue).toList()));
        Bson update = combine(changes, set(STATUS, target.wireValue()), set(UPDATED_AT, Date.from(clock.instant())));
        return translated("move job " + id + " to " + target.wireValue(), () -> Optional.ofNullable(
                jobs.findOneAndUpdate(filter, update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(JobDocumentMapper::toJob));
    }

    private static Bson counts(JobCounts counts) {
        return combine(set(PROCESSED, counts.processed()), set(SKIPPED, counts.skipped()), set(FAILED, counts.failed()));
    }

    static int percent(long done, long total) {
        if (total <= 0) {
            return 0;
        }
        // why: 100 is kept for a completed job, so a job with work left never shows it
        return (int) Math.min(99, done * 100 / total);
    }

    private static <T> T translated(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (MongoException e) {
            throw new StoreException("Could not " + action + ": " + e.getMessage(), e);
        }
    }
}
