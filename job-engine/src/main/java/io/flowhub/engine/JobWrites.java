package io.flowhub.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.flowhub.events.JobEvent;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.engine.JobFields.*;

/**
 * How {@link JobStore} and {@link HeldJobs} change a job: a status change is one update whose filter admits
 * only the statuses {@link JobStatus} allows to move to the new one; a holder's write also names its lease.
 */
final class JobWrites {

    private final MongoCollection<Document> jobs;
    private final Clock clock;
    private final JobEventSink events;

    JobWrites(MongoCollection<Document> jobs, Clock clock, JobEventSink events) {
        this.jobs = jobs;
        this.clock = clock;
        this.events = events;
    }

    /** @return the job moved to {@code target} by the holder of {@code lease}, or empty when it may not move */
    Optional<Job> heldBy(ObjectId id, JobLease lease, JobStatus target, Bson changes) {
        return update(and(heldUnder(id, lease), statusMayMoveTo(target)), withStatus(changes, target));
    }

    /** @return the filter of the job as long as this lease holds it: its worker, and the token of this claim */
    static Bson heldUnder(ObjectId id, JobLease lease) {
        return and(eq(ID, id), eq(WORKER_ID, lease.workerId()), eq(LEASE, lease.token()));
    }

    /** @return the job moved to {@code target}, or empty when its status may not move there */
    Optional<Job> transition(ObjectId id, JobStatus target, Bson changes) {
        return update(and(eq(ID, id), statusMayMoveTo(target)), withStatus(changes, target));
    }

    /** @return the job as the update left it, or empty when the filter matched none */
    Optional<Job> update(Bson filter, Bson update) {
        return translated("update job", () -> Optional.ofNullable(
                jobs.findOneAndUpdate(filter, update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(JobDocumentMapper::toJob));
    }

    void announce(JobEvent event) {
        events.announce(event);
    }

    private static Bson statusMayMoveTo(JobStatus target) {
        return in(STATUS, JobStatus.predecessorsOf(target).stream().map(JobStatus::wireValue).toList());
    }

    private Bson withStatus(Bson changes, JobStatus target) {
        return combine(changes, set(STATUS, target.wireValue()), set(UPDATED_AT, Date.from(clock.instant())));
    }
}
