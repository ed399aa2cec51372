package io.flowhub.cleanup.purge;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.job.RecordsStep;
import io.flowhub.events.PurgeUserData;
import io.flowhub.store.JobId;
import io.flowhub.engine.erasure.ErasureTarget;
import io.flowhub.engine.erasure.ErasureTargets;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.LedgerEntry;
import io.flowhub.engine.ProcessedCommands;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * The step of a purge after its items: the user's jobs (each leaving a tombstone, so a command
 * delivered late never re-creates it), activity log entries and job ledgers, one-time codes and
 * idempotency keys ({@link ErasureTargets#userRecords}). Counted and recorded first, then deleted;
 * deleting again finds nothing.
 */
final class UserRecords extends RecordsStep {

    static final String STEP = "records";

    // why: the purge's answer names these even when the call kept the user's activity or codes
    private static final CleanupResult ANSWERED = CleanupResult.of(Count.BULK_JOBS, 0).with(Count.ACTIVITY_LOGS, 0)
            .with(Count.OTPS, 0);

    private final MongoDatabase database;
    private final ProcessedCommands processed;
    private final List<ErasureTarget> targets;
    private final JobLedger ledger;
    private final JobId purgeJob;
    private final boolean activityToo;
    private final Clock clock;

    UserRecords(MongoDatabase database, ProcessedCommands processed, PurgeUserData command, String email,
            JobId purgeJob, JobLedger ledger, Clock clock) {
        this.database = database;
        this.processed = processed;
        this.targets = ErasureTargets.userRecords(command, purgeJob, email);
        this.ledger = ledger;
        this.purgeJob = purgeJob;
        this.activityToo = command.includeActivityLogs();
        this.clock = clock;
    }

    @Override
    public String name() {
        return STEP;
    }

    @Override
    public CleanupResult count() {
        return ANSWERED.plus(ErasureTarget.countAll(targets, database));
    }

    @Override
    public LedgerEntry settle(LedgerEntry entry) {
        targets.forEach(target -> target.delete(database, processed));
        // why: other owners' jobs (an ADMIN's bulk job, a key's cleanup) may name the user's items in their ledgers
        List<ObjectId> erased = ledger.of(purgeJob).stream().flatMap(batch -> batch.itemIds().stream()).toList();
        new ErasedItems(database, ledger).erase(purgeJob, erased, activityToo, Date.from(clock.instant()));
        return entry;
    }
}
