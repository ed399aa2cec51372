package io.flowhub.cleanup.purge;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.job.CleanupCounts;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.PurgeUserData;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.store.job.BatchContext;
import io.flowhub.store.job.CleanupResult.Count;
import io.flowhub.store.job.CleanupResult;
import io.flowhub.store.job.JobQueries;
import io.flowhub.store.job.LedgerEntry;
import io.flowhub.store.job.Owner;
import io.flowhub.store.job.ProcessedCommands;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * The step of a purge after its items: the user's jobs (each leaving a tombstone, so a command
 * delivered late never re-creates it), activity log entries and job ledgers, one-time codes and
 * idempotency keys. Counted and recorded first, then deleted; deleting again finds nothing.
 */
final class UserRecords implements Steps.Step {

    static final String STEP = "records";

    private final MongoCollection<Document> jobs;
    private final MongoCollection<Document> activity;
    private final MongoCollection<Document> ledger;
    private final MongoCollection<Document> otps;
    private final MongoCollection<Document> idempotencyKeys;
    private final ProcessedCommands processed;
    private final PurgeUserData command;
    private final Bson ownJobs;
    private final Bson ownActivity;
    private final Bson ownLedger;
    private final Bson ownOtps;

    UserRecords(MongoDatabase database, ProcessedCommands processed, PurgeUserData command, String email,
            JobId purgeJob) {
        this.jobs = database.getCollection(CollectionNames.JOBS);
        this.activity = database.getCollection(CollectionNames.ACTIVITY_LOGS);
        this.ledger = database.getCollection(CollectionNames.JOB_LEDGER);
        this.otps = database.getCollection(CollectionNames.OTPS);
        this.idempotencyKeys = database.getCollection(CollectionNames.IDEMPOTENCY_KEYS);
        this.processed = processed;
        this.command = command;
        this.ownJobs = and(JobQueries.ownedBy(Owner.user(UserId.parse(command.userId()))), ne("_id", purgeJob.value()));
        this.ownActivity = eq("user_id", new ObjectId(command.userId()));
        this.ownLedger = and(eq("owner_id", command.userId()), ne("job_id", purgeJob.value()));
        // why: codes are filed by address; without the user's record there is no address to find them by, and
        // they expire within minutes anyway
        this.ownOtps = email == null ? null : eq("email", email);
    }

    @Override
    public String name() {
        return STEP;
    }

    /** @return what the step would delete */
    CleanupResult count() {
        return CleanupResult.of(Count.BULK_JOBS, jobs.countDocuments(ownJobs))
                .with(Count.ACTIVITY_LOGS, command.includeActivityLogs()
                        ? activity.countDocuments(ownActivity) + ledger.countDocuments(ownLedger) : 0)
                .with(Count.OTPS, command.includeOtps() && ownOtps != null ? otps.countDocuments(ownOtps) : 0);
    }

    @Override
    public Optional<LedgerEntry> next(BatchContext batch) {
        if (owns(batch)) {
            return Optional.empty();
        }
        CleanupResult counts = count();
        return Optional.of(batch.record(List.of(), CleanupCounts.processed(counts), List.of(), counts,
                batch.checkpoint().next(STEP, 0, null), Optional.empty()));
    }

    @Override
    public LedgerEntry settle(LedgerEntry entry) {
        processed.deleteJobs(ownJobs);
        if (command.includeActivityLogs()) {
            activity.deleteMany(ownActivity);
            ledger.deleteMany(ownLedger);
        }
        if (command.includeOtps() && ownOtps != null) {
            otps.deleteMany(ownOtps);
        }
        idempotencyKeys.deleteMany(eq("owner_id", command.userId()));
        return entry;
    }
}
