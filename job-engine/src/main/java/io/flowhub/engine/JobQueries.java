package io.flowhub.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.descending;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.engine.JobFields.*;

/**
 * Reads across many jobs: a list by owner, kind and status, the streams' batch, the per-owner count, who waits for a
 * worker, who was abandoned. The {@link JobStore} writes and reads one job at a time.
 */
public class JobQueries {

    private final MongoCollection<Document> jobs;
    private final Clock clock;

    public JobQueries(MongoDatabase database, Clock clock) {
        this.jobs = database.getCollection(CollectionNames.JOBS);
        this.clock = clock;
    }

    /** @return those of the jobs that exist, by id, read in one query */
    public Map<JobId, Job> findAll(Collection<JobId> ids) {
        return translated("read jobs", () -> jobs.find(in(ID, ids.stream().map(JobId::value).toList()))
                .map(JobDocumentMapper::toJob)
                .into(new ArrayList<>()).stream().collect(Collectors.toMap(Job::id, job -> job)));
    }

    /** @return the jobs the selection admits, newest first, at most {@code limit} */
    public List<Job> list(JobSelection selection, int limit) {
        var filters = new ArrayList<Bson>();
        if (selection.owner() != null) {
            filters.add(ownedBy(selection.owner()));
        }
        if (selection.kind() != null) {
            filters.add(eq(KIND, selection.kind().wireValue()));
        }
        if (selection.status() != null) {
            filters.add(eq(STATUS, selection.status().wireValue()));
        }
        if (selection.before() != null) {
            filters.add(lt(ID, selection.before().value()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return translated("list jobs", () -> jobs.find(filter).sort(descending(ID)).limit(limit)
                .map(JobDocumentMapper::toJob).into(new ArrayList<>()));
    }

    /** @return true when a job of this kind other than {@code except} waits for a worker: queued, or handed back */
    public boolean anyWaiting(JobKind kind, JobId except) {
        return translated("look for waiting jobs", () -> jobs.find(and(eq(KIND, kind.wireValue()), ne(ID, except.value()),
                        or(eq(STATUS, JobStatus.QUEUED.wireValue()),
                                and(eq(STATUS, JobStatus.RUNNING.wireValue()), exists(HANDED_BACK_AT)))))
                .projection(new Document(ID, 1)).limit(1).first() != null);
    }

    /** @return how many jobs of this kind have this status */
    public long countByStatus(JobKind kind, JobStatus status) {
        return translated("count jobs", () -> jobs.countDocuments(and(eq(KIND, kind.wireValue()),
                eq(STATUS, status.wireValue()))));
    }

    /** @return how many jobs of this kind are queued or running and were last written longer ago than {@code quietFor} */
    public long countQuiet(JobKind kind, Duration quietFor) {
        Date before = Date.from(clock.instant().minus(quietFor));
        return translated("count quiet jobs", () -> jobs.countDocuments(and(eq(KIND, kind.wireValue()),
                in(STATUS, JobStatus.QUEUED.wireValue(), JobStatus.RUNNING.wireValue()), lt(UPDATED_AT, before))));
    }

    /**
     * @return running jobs of this kind whose worker has not reported for longer than the lease,
     *         and that were not already sent again within the lease, nor handed back with their copy on the topic
     */
    public List<Job> findAbandoned(JobKind kind, Duration lease, int limit) {
        Date staleBefore = Date.from(clock.instant().minus(lease));
        return translated("find abandoned jobs", () -> jobs.find(and(eq(KIND, kind.wireValue()),
                        eq(STATUS, JobStatus.RUNNING.wireValue()), lt(HEARTBEAT_AT, staleBefore),
                        // why: a copy handed back to the topic will be read, however long it waits there
                        ne(HANDOFF_SENT, true),
                        or(exists(RESENT_AT, false), lt(RESENT_AT, staleBefore))))
                .limit(limit).map(JobDocumentMapper::toJob).into(new ArrayList<>()));
    }

    /**
     * @return jobs of this kind that were cancelled or failed within the last day, whose worker has not written for
     *         longer than the lease (so none will), and whose counts were not yet checked against their ledger
     */
    public List<Job> findEndedUnsettled(JobKind kind, Duration lease, int limit) {
        Instant now = clock.instant();
        return translated("find ended jobs", () -> jobs.find(and(eq(KIND, kind.wireValue()),
                        in(STATUS, JobStatus.CANCELLED.wireValue(), JobStatus.FAILED.wireValue()),
                        ne(LEDGER_SETTLED, true), gte(FINISHED_AT, Date.from(now.minus(Duration.ofDays(1)))),
                        or(exists(HEARTBEAT_AT, false), lt(HEARTBEAT_AT, Date.from(now.minus(lease))))))
                .limit(limit).map(JobDocumentMapper::toJob).into(new ArrayList<>()));
    }

    /** @return the filter of the owner's jobs: its kind of caller and its id */
    public static Bson ownedBy(Owner owner) {
        return and(eq(OWNER_TYPE, owner.type().wireValue()), eq(OWNER_ID, owner.id()));
    }
}
