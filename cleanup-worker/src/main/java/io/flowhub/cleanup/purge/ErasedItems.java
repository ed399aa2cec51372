package io.flowhub.cleanup.purge;

import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.JobStatus;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.pullAll;
import static com.mongodb.client.model.Updates.set;

/**
 * What other records keep of a purged user's items, taken out once the items are gone: other jobs'
 * ledgers (ids and tag changes, {@link JobLedger#eraseItems}), other callers' activity entries about
 * the items, the failures other jobs noted on them, the position a finished job's cursor stopped
 * at when it is one of them, and their ids in the commands other jobs and plans keep as sent
 * ({@link ErasedFromCommands}) and in plans' samples. A job still running keeps its position, which it resumes from. Every
 * write is by filter and safe to repeat.
 */
final class ErasedItems {

    // why: the embedded server checks each document against the whole $in list; slices keep that linear
    private static final int CHUNK = 1_000;
    private static final List<String> FINISHED = List.of(JobStatus.COMPLETED.wireValue(), JobStatus.FAILED.wireValue(),
            JobStatus.CANCELLED.wireValue());

    private final MongoDatabase database;
    private final JobLedger ledger;

    ErasedItems(MongoDatabase database, JobLedger ledger) {
        this.database = database;
        this.ledger = ledger;
    }

    /** @param activityToo whether other callers' activity entries about the items go too (include_activity_logs) */
    void erase(JobId purge, List<ObjectId> erased, boolean activityToo, Date now) {
        ledger.eraseItems(purge, erased, now);
        var jobs = database.getCollection(CollectionNames.JOBS);
        var entries = database.getCollection(CollectionNames.JOB_LEDGER);
        var activity = database.getCollection(CollectionNames.ACTIVITY_LOGS);
        var plans = database.getCollection(CollectionNames.PLANS);
        Set<String> allHex = erased.stream().map(ObjectId::toHexString).collect(Collectors.toUnmodifiableSet());
        ErasedFromCommands.scrub(jobs, ne("_id", purge.value()), allHex);
        ErasedFromCommands.scrub(plans, new Document(), allHex);
        for (int from = 0; from < erased.size(); from += CHUNK) {
            List<ObjectId> chunk = erased.subList(from, Math.min(erased.size(), from + CHUNK));
            List<String> hex = chunk.stream().map(ObjectId::toHexString).toList();
            plans.updateMany(in("sample", hex), pullAll("sample", hex));
            if (activityToo) {
                activity.deleteMany(in("item_id", chunk));
            }
            jobs.updateMany(and(ne("_id", purge.value()), in("errors.item_id", hex)),
                    pull("errors", new Document("item_id", new Document("$in", hex))));
            entries.updateMany(and(ne("job_id", purge.value()), in("errors.item_id", hex)),
                    pull("errors", new Document("item_id", new Document("$in", hex))));
            List<ObjectId> finished = jobs.find(and(ne("_id", purge.value()), in("status", FINISHED),
                    in("resume_after", chunk))).projection(new Document("_id", 1))
                    .map(job -> job.getObjectId("_id")).into(new ArrayList<>());
            finished.addAll(jobs.distinct("_id", and(in("status", FINISHED),
                    in("_id", entries.distinct("job_id", in("through.resume_after", chunk), ObjectId.class)
                            .into(new ArrayList<>()))), ObjectId.class).into(new ArrayList<>()));
            if (!finished.isEmpty()) {
                jobs.updateMany(and(in("_id", finished), in("resume_after", chunk)), set("resume_after", null));
                entries.updateMany(and(in("job_id", finished), in("through.resume_after", chunk)),
                        set("through.resume_after", null));
            }
        }
    }
}
