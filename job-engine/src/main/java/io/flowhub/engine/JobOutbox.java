package io.flowhub.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.flowhub.store.JobId;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.StoreException.translated;

/**
 * The jobs whose command has not been acknowledged by Kafka yet. A producer holds a job here before
 * recording it and lets go once Kafka took the command; a job still held after a grace period (its
 * producer died between recording and publishing, or Kafka was down) has its command sent again by
 * the {@link JobSweeper}. Kept apart from the job document so that the producer never writes the
 * job while a worker already runs it.
 */
public class JobOutbox {

    static final String KIND = "kind";
    static final String HELD_AT = "held_at";
    static final String SENT_AT = "sent_at";

    private final MongoCollection<Document> held;
    private final Clock clock;

    public JobOutbox(MongoDatabase database, Clock clock) {
        this.held = database.getCollection(CollectionNames.JOB_OUTBOX);
        this.clock = clock;
    }

    /** Holds the job until {@link #release}: done before the job is recorded, so no recorded job escapes the sweep. */
    public void hold(JobId job, JobKind kind) {
        ObjectId jobId = job.value();
        Date now = Date.from(clock.instant());
        translated("hold job " + jobId, () -> held.replaceOne(eq("_id", jobId),
                new Document("_id", jobId).append(KIND, kind.wireValue()).append(HELD_AT, now),
                new ReplaceOptions().upsert(true)));
    }

    /** Lets the job go: Kafka took its command. */
    public void release(JobId job) {
        translated("release job " + job, () -> held.deleteOne(eq("_id", job.value())));
    }

    /** @return jobs of this kind held longer than {@code grace} and not sent again within it */
    List<ObjectId> waiting(JobKind kind, Duration grace, int limit) {
        Date before = Date.from(clock.instant().minus(grace));
        return translated("read the job outbox", () -> held.find(and(eq(KIND, kind.wireValue()),
                        lt(HELD_AT, before))).limit(limit * 4).into(new ArrayList<>()).stream()
                .filter(entry -> entry.getDate(SENT_AT) == null || entry.getDate(SENT_AT).before(before))
                .limit(limit).map(entry -> entry.getObjectId("_id")).toList());
    }

    /** Notes that the sweep sent the job's command, so that it is not sent again within the grace period. */
    void markSent(ObjectId jobId) {
        translated("mark job " + jobId, () -> held.updateOne(eq("_id", jobId), set(SENT_AT, Date.from(clock.instant()))));
    }
}
