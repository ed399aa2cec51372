package io.flowhub.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.flowhub.store.StoreException.translated;

/**
 * Tombstones of commands that need no more work: their job finished, or was deleted by a reset or a
 * purge. A command delivered again is acknowledged and dropped when it has one, so it never
 * re-creates its job. Unique per {@code command_id}; kept for {@link #KEPT_DAYS} days (a TTL index),
 * longer than Kafka keeps a record by default.
 */
public class ProcessedCommands {

    public static final int KEPT_DAYS = 8;

    static final String COMMAND_ID = "command_id";
    static final String JOB_ID = "job_id";
    static final String OUTCOME = "outcome";
    static final String AT = "at";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> tombstones;
    private final MongoCollection<Document> jobs;
    private final Clock clock;

    public ProcessedCommands(MongoDatabase database, Clock clock) {
        this.tombstones = database.getCollection(CollectionNames.PROCESSED_COMMANDS);
        this.jobs = database.getCollection(CollectionNames.JOBS);
        this.clock = clock;
    }

    /** @return why the command needs no more work, or empty when it may still have some */
    public Optional<String> outcomeOf(UUID commandId) {
        return translated("read command " + commandId, () -> Optional
                .ofNullable(tombstones.find(eq(COMMAND_ID, commandId.toString())).first())
                .map(tombstone -> tombstone.getString(OUTCOME)));
    }

    /** Records that a command needs no more work; recording it again keeps the first outcome. */
    public void record(UUID commandId, JobId jobId, String outcome) {
        recordAll(Map.of(commandId, jobId), outcome);
    }

    /** Forgets a command's tombstone of this outcome, so that the command runs its job again (a replayed dead letter). */
    public void forget(UUID commandId, String outcome) {
        translated("forget command " + commandId, () -> tombstones.deleteOne(and(eq(COMMAND_ID, commandId.toString()),
                eq(OUTCOME, outcome))));
    }

    /**
     * Records tombstones for many commands in one bulk write.
     *
     * @param jobsByCommand command id to the id of its job
     */
    public void recordAll(Map<UUID, JobId> jobsByCommand, String outcome) {
        if (jobsByCommand.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<UpdateOneModel<Document>> upserts = jobsByCommand.entrySet().stream()
                .map(entry -> new UpdateOneModel<Document>(eq(COMMAND_ID, entry.getKey().toString()), combine(
                        setOnInsert(JOB_ID, entry.getValue().value()), setOnInsert(OUTCOME, outcome), setOnInsert(AT, now)),
                        UPSERT))
                .toList();
        translated("record processed commands",
                () -> tombstones.bulkWrite(upserts, new BulkWriteOptions().ordered(false)));
    }

    /**
     * Deletes the jobs the filter selects, each after leaving its tombstone ({@code deleted}), so that
     * a command of one of them read again finds it gone rather than creates it anew. Running it again
     * finds what is left and does the rest.
     */
    public void deleteJobs(Bson filter) {
        var doomed = new HashMap<UUID, JobId>();
        jobs.find(filter).projection(include(JobFields.ID, JobFields.COMMAND_ID)).forEach(job -> doomed.put(
                UUID.fromString(job.getString(JobFields.COMMAND_ID)), new JobId(job.getObjectId(JobFields.ID))));
        recordAll(doomed, "deleted");
        if (!doomed.isEmpty()) {
            translated("delete jobs", () -> jobs.deleteMany(in(JobFields.ID,
                    doomed.values().stream().map(JobId::value).toList())));
        }
    }
}
