package io.flowhub.cleanup.purge;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.cleanup.CleanupWorkerSettings;
import io.flowhub.cleanup.file.ItemDeleter;
import io.flowhub.cleanup.job.CleanupContext;
import io.flowhub.cleanup.job.CleanupRefusedException;
import io.flowhub.events.PurgeUserData;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.tx.Transactions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
    private final Transactions transactions;

    UserDataPurge(MongoDatabase database, ItemDeleter items, CleanupWorkerSettings settings, Transactions transactions) {
        this.database = database;
        this.items = items;
        this.settings = settings;
        this.transactions = transactions;
    }

    private static long deleteMany(MongoCollection<Document> collection, Optional<ClientSession> session, Bson filter) {
        return session.map(in -> collection.deleteMany(in, filter)).orElseGet(() -> collection.deleteMany(filter))
                .getDeletedCount();
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
        // why: with a replica set the database deletes commit together; without, each finds nothing
        // to do when the purge runs again, so a purge interrupted anywhere is finished by a re-run
        Map<String, Long> deleted = transactions.inTransactionIfSupported(session -> {
            var counts = new LinkedHashMap<String, Long>();
            counts.put("items", items.deleteItems(ownItems, context.jobId(), settings.batchSize(), session,
                    soFar -> context.progress("items", soFar)));
            counts.put("bulk_jobs", deleteMany(jobs, session, ownJobs));
            counts.put("activity_logs", command.includeActivityLogs() ? deleteMany(activity, session, ownActivity) : 0);
            counts.put("otps", command.includeOtps() ? deleteMany(otps, session, ownOtps) : 0);
            return counts;
        });
        deleted.forEach(context::done);
        var files = items.removeFiles(context.jobId());
        context.done("files", files.removed());
        context.done("files_failed", files.failed());
        return context.resultSoFar();
    }
}
