package io.flowhub.cleanup.purge;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.PurgeUserData;
import io.flowhub.engine.EngineSettings;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.UserId;
import io.flowhub.engine.erasure.ErasureTargets;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.JobWork;
import io.flowhub.engine.ProcessedCommands;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;


import java.time.Clock;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Hard-deletes one user's data and keeps the user: items (with their files), a batch at a time,
 * then the user's jobs, activity (log entries and job ledgers), one-time codes and idempotency keys.
 * Every batch is recorded in the purge's ledger, so a purge stopped anywhere (cancelled, crashed,
 * delivered again) ends with each item counted once.
 */
@Component
public class UserDataPurge {

    private final MongoDatabase database;
    private final ItemDeleter items;
    private final ProcessedCommands processed;
    private final EngineSettings settings;
    private final JobLedger ledger;
    private final Clock clock;

    UserDataPurge(MongoDatabase database, ItemDeleter items, ProcessedCommands processed,
            EngineSettings settings, JobLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        this.database = database;
        this.items = items;
        this.processed = processed;
        this.settings = settings;
    }

    /** @param restriction what else an item must match: a plan's mark when a plan is applied */
    public JobWork work(PurgeUserData command, Job job, Bson restriction) {
        ObjectId userId = new ObjectId(command.userId());
        Document user = database.getCollection(CollectionNames.USERS).find(eq("_id", userId)).first();
        // why: a user whose record is gone (a reset, a direct delete) may still own items, jobs and activity;
        // the purge removes them all the same, all but the codes, which are filed by the address it had
        var records = new UserRecords(database, processed, command, user == null ? null : user.getString("email"),
                job.id(), ledger, clock);
        var ownItems = and(ErasureTargets.itemsOf(new UserId(userId)), restriction);
        if (command.dryRun()) {
            return Steps.of(new CountsOnly("dry_run", () -> items.count(ownItems).plus(records.count())));
        }
        return Steps.of(items.step(ownItems, settings.batchSize()), records);
    }
}
