package io.flowhub.cleanup.tags;

import java.util.List;
import org.bson.Document;
import io.flowhub.store.item.ItemFields;
import io.flowhub.engine.ProcessedCommands;
import io.flowhub.store.run.RunLeases;
import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupRun;
import io.flowhub.engine.EngineSettings;
import io.flowhub.store.CollectionNames;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.item.ItemBatches;
import io.flowhub.engine.item.ItemChanges;
import io.flowhub.engine.item.ItemSelection;
import io.flowhub.engine.item.Selection;
import io.flowhub.engine.item.SoftDeleteOperation;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobWork;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.and;

/**
 * Deletes test data chosen by tags and the test_data flag (both, when both are given), optionally
 * one user's, one test run's and created before a time, or everything one test run created: hard
 * (with files) or soft, a batch at a time.
 */
@Component
public class TestDataCleanup {

    private final MongoDatabase database;
    private final ItemDeleter items;
    private final EngineSettings settings;
    private final Holds holds;
    private final ProcessedCommands processed;
    private final RunLeases leases;
    private final Clock clock;

    TestDataCleanup(MongoDatabase database, ItemDeleter items, EngineSettings settings, Holds holds,
            ProcessedCommands processed, RunLeases leases, Clock clock) {
        this.leases = leases;
        this.holds = holds;
        this.processed = processed;
        this.database = database;
        this.items = items;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param restriction what else an item must match: a plan's mark when a plan is applied */
    public JobWork work(CleanupByTags command, Job job, Bson restriction) {
        return work(and(ItemSelection.of(command).toBson(), restriction), command.hardDelete(), command.dryRun(), job);
    }

    /**
     * Everything created under one test run, whoever created it; a hard cleanup also takes the run's test
     * identities, with everything they made, under the run or not.
     *
     * @param restriction what else an item must match: a plan's mark when a plan is applied
     */
    public JobWork work(CleanupRun command, Job job, Bson restriction) {
        Bson underRun = ItemSelection.ofRun(command.runId()).toBson();
        if (!command.hardDelete()) {
            return work(and(underRun, restriction), false, command.dryRun(), job);
        }
        List<Document> users = RunUsers.of(database, command.runId());
        Bson made = users.isEmpty() ? underRun : or(underRun, in(ItemFields.CREATED_BY, RunUsers.ids(users)));
        var identities = new RunUsers(database, processed, leases, command.runId(), users, job.id(),
                RunReaper.REQUESTED_BY.equals(command.requestedBy()));
        Bson selection = and(made, restriction);
        if (command.dryRun()) {
            return Steps.of(new CountsOnly("dry_run", () -> items.count(selection).plus(identities.count())));
        }
        return Steps.of(items.step(selection, settings.batchSize()), identities);
    }

    private JobWork work(Bson selection, boolean hardDelete, boolean dryRun, Job job) {
        var collection = database.getCollection(CollectionNames.ITEMS);
        if (!hardDelete) {
            if (dryRun) {
                return Steps.of(new CountsOnly("dry_run", () -> {
                    Bson active = and(selection, ItemChanges.active());
                    Holds.Covering held = holds.covering();
                    return CleanupResult.of(Count.ITEMS, collection.countDocuments(and(active, held.notHeld())))
                            .with(Count.HELD, collection.countDocuments(and(active, held.held())));
                }));
            }
            return new ItemBatches(collection, Selection.byFilter(collection, selection, job.id()),
                    new SoftDeleteOperation(), null, settings.batchSize(), clock, holds).reportedAs(Count.ITEMS);
        }
        if (dryRun) {
            return Steps.of(new CountsOnly("dry_run", () -> items.count(selection)));
        }
        return Steps.of(items.step(selection, settings.batchSize()));
    }
}
