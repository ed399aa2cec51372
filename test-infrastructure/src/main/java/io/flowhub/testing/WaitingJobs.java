package io.flowhub.testing;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Jobs recorded as queued whose command no worker will read: the state of a job waiting behind a long queue, or one
 * whose command was lost. Nothing runs them, so a test may cancel one, or watch it be counted, without racing a worker.
 */
public final class WaitingJobs {

    private WaitingJobs() {
    }

    /**
     * @param kind      {@code bulk} or {@code cleanup}
     * @param operation the job's operation, as the API shows it
     * @param since     when it was recorded and last written
     * @return the job's id
     */
    public static String record(MongoDatabase database, String kind, String operation, Instant since) {
        ObjectId id = new ObjectId();
        Date at = Date.from(since);
        database.getCollection("jobs").insertOne(new Document("_id", id).append("kind", kind)
                .append("operation", operation).append("owner_type", "key").append("owner_id", "waiting-jobs")
                .append("command_id", UUID.randomUUID().toString()).append("status", "queued").append("progress", 0)
                .append("total_items", 0L).append("processed", 0L).append("skipped", 0L).append("failed", 0L)
                .append("attempts", 0).append("created_at", at).append("updated_at", at));
        return id.toHexString();
    }
}
