package io.flowhub.cleanup.tags;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.cleanup.job.CountsOnly;
import io.flowhub.cleanup.job.Steps;
import io.flowhub.events.CleanupByTags;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.item.ItemBatches;
import io.flowhub.store.item.ItemChanges;
import io.flowhub.store.item.ItemSelection;
import io.flowhub.store.item.Selection;
import io.flowhub.store.item.SoftDeleteOperation;
import io.flowhub.store.job.CleanupResult.Count;
import io.flowhub.store.job.CleanupResult;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobWork;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;

import static com.mongodb.client.model.Filters.and;

/**
 * Deletes test data chosen by tags and the test_data flag (both, when both are given), optionally
 * one user's and created before a time: hard (with files) or soft, a batch at a time.
 */
@Component
public class TestDataCleanup {

    private final MongoDatabase database;
    private final ItemDeleter items;
    private final CleanupWorkerSettings settings;
    private final Clock clock;

    TestDataCleanup(MongoDatabase database, ItemDeleter items, CleanupWorkerSettings settings, Clock clock) {
        this.database = database;
        this.items = items;
        this.settings = settings;
        this.clock = clock;
    }

    public JobWork work(CleanupByTags command, Job job) {
        Bson selection = ItemSelection.of(command).toBson();
        var collection = database.getCollection(CollectionNames.ITEMS);
        if (!command.hardDelete()) {
            if (command.dryRun()) {
                return Steps.of(new CountsOnly("dry_run", () -> CleanupResult.of(Count.ITEMS,
                        collection.countDocuments(and(selection, ItemChanges.active())))));
            }
            return new ItemBatches(collection, Selection.byFilter(collection, selection, job.id()),
                    new SoftDeleteOperation(), null, settings.batchSize(), clock).reportedAs(Count.ITEMS);
        }
        if (command.dryRun()) {
            return Steps.of(new CountsOnly("dry_run", () -> items.count(selection)));
        }
        return Steps.of(items.step(selection, settings.batchSize()));
    }
}
