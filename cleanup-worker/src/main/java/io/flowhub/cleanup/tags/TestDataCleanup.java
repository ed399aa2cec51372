package io.flowhub.cleanup.tags;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.CleanupWorkerSettings;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupContext;
import io.flowhub.events.CleanupByTags;
import io.flowhub.store.CollectionNames;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/** Deletes test data by tag or flag, optionally one user's and older than a time: hard (with files) or soft. */
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

    public Map<String, Long> run(CleanupByTags command, CleanupContext context) {
        Bson selection = selection(command);
        var result = new LinkedHashMap<String, Long>();
        if (!command.hardDelete()) {
            Bson active = and(selection, eq("is_active", true));
            var collection = database.getCollection(CollectionNames.ITEMS);
            if (context.dryRun()) {
                result.put("items", collection.countDocuments(active));
                return result;
            }
            Date now = Date.from(clock.instant());
            context.done("items", collection.updateMany(active, combine(set("is_active", false), set("deleted_at", now),
                    set("updated_at", now), set("last_job_id", context.jobId()))).getModifiedCount());
            return context.resultSoFar();
        }
        if (context.dryRun()) {
            var wouldDelete = items.count(selection);
            result.put("items", wouldDelete.items());
            result.put("files", wouldDelete.files());
            return result;
        }
        var deleted = items.delete(selection, context.jobId(), settings.batchSize(),
                soFar -> context.progress("items", soFar));
        context.done("items", deleted.items());
        context.done("files", deleted.files());
        context.done("files_failed", deleted.filesFailed());
        return context.resultSoFar();
    }

    static Bson selection(CleanupByTags command) {
        var conditions = new ArrayList<Bson>();
        var chosen = new ArrayList<Bson>();
        if (!command.tags().isEmpty()) {
            chosen.add(in("tags", command.tags()));
        }
        if (Boolean.TRUE.equals(command.testData())) {
            chosen.add(eq("test_data", true));
        }
        conditions.add(chosen.size() == 1 ? chosen.getFirst() : or(chosen));
        if (command.userId() != null) {
            conditions.add(eq("created_by", new ObjectId(command.userId())));
        }
        if (command.createdBefore() != null) {
            conditions.add(lt("created_at", Date.from(command.createdBefore())));
        }
        return conditions.size() == 1 ? conditions.getFirst() : and(conditions);
    }
}
