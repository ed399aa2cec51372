package io.flowhub.cleanup.purge;

import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.CleanupWorkerSettings;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupContext;
import io.flowhub.cleanup.job.CleanupRefusedException;
import io.flowhub.events.PurgeUserData;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * Hard-deletes one user's data and keeps the user: items (with their files), the user's jobs,
 * activity logs and one-time codes. Each step is a bulk delete that finds nothing to do when run
 * again, so a purge interrupted anywhere is finished by running it again.
 */
@Component
public class UserDataPurge {

    private final MongoDatabase database;
    private final ItemDeleter items;
    private final CleanupWorkerSettings settings;

    UserDataPurge(MongoDatabase database, ItemDeleter items, CleanupWorkerSettings settings) {
        this.database = database;
        this.items = items;
        this.settings = settings;
    }

    public Map<String, Long> run(PurgeUserData command, CleanupContext context) {
        ObjectId userId = new ObjectId(command.userId());
        Document user = database.getCollection(CollectionNames.USERS).find(eq("_id", userId)).first();
        if (user == null) {
            throw new CleanupRefusedException("User " + command.userId() + " was not found");
        }
        var ownItems = eq("created_by", userId);
        var ownJobs = and(eq("owner_id", command.userId()), ne("_id", context.jobId()));
        var ownActivity = eq("user_id", userId);
        var ownOtps = eq("email", user.getString("email"));
        var jobs = database.getCollection(CollectionNames.JOBS);
        var activity = database.getCollection(CollectionNames.ACTIVITY_LOGS);
        var otps = database.getCollection(CollectionNames.OTPS);
        var result = new LinkedHashMap<String, Long>();
        if (context.dryRun()) {
            var wouldDelete = items.count(ownItems);
            result.put("items", wouldDelete.items());
            result.put("files", wouldDelete.files());
            result.put("bulk_jobs", jobs.countDocuments(ownJobs));
            result.put("activity_logs", command.includeActivityLogs() ? activity.countDocuments(ownActivity) : 0);
            result.put("otps", command.includeOtps() ? otps.countDocuments(ownOtps) : 0);
            return result;
        }
        var deleted = items.delete(ownItems, context.jobId(), settings.batchSize());
        context.done("items", deleted.items());
        context.done("files", deleted.files());
        context.done("files_failed", deleted.filesFailed());
        context.done("bulk_jobs", jobs.deleteMany(ownJobs).getDeletedCount());
        context.done("activity_logs", command.includeActivityLogs() ? activity.deleteMany(ownActivity).getDeletedCount() : 0);
        context.done("otps", command.includeOtps() ? otps.deleteMany(ownOtps).getDeletedCount() : 0);
        return context.resultSoFar();
    }
}
