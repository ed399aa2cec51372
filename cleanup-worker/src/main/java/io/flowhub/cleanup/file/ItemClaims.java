package io.flowhub.cleanup.file;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobQueries;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.setOnInsert;
import static com.mongodb.client.model.Updates.unset;
import static io.flowhub.store.StoreException.translated;
import static io.flowhub.store.item.ItemFields.DELETING_JOB;

/**
 * Which jobs hold claims on items ({@code items.deleting_job}), and whether a claim still counts. A job notes
 * itself in {@code item_claims} before it claims anything, and the note outlives the job (a purge or reset may
 * delete the job document), so the claims of a job that ended without letting go — its worker died, then it
 * was cancelled, failed or deleted — are always found again. A claim counts while its job is queued or
 * running; the claim of an ended job is anyone's to take over.
 */
@Component
public class ItemClaims {

    private final MongoCollection<Document> items;
    private final MongoCollection<Document> holders;
    private final JobQueries jobs;
    private final Clock clock;

    ItemClaims(MongoDatabase database, JobQueries jobs, Clock clock) {
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.holders = database.getCollection(CollectionNames.ITEM_CLAIMS);
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Notes that the job is about to claim items; harmless to repeat. */
    void holding(JobId job) {
        translated("note the claims of job " + job, () -> holders.updateOne(eq("_id", job.value()),
                setOnInsert("since", Date.from(clock.instant())), new UpdateOptions().upsert(true)));
    }

    /** @return those of these jobs that are finished or gone: their claims count no more */
    Set<ObjectId> ended(Collection<ObjectId> claimants) {
        if (claimants.isEmpty()) {
            return Set.of();
        }
        Map<JobId, Job> found = jobs.findAll(claimants.stream().map(JobId::new).toList());
        var ended = new HashSet<ObjectId>();
        for (ObjectId claimant : claimants) {
            Job job = found.get(new JobId(claimant));
            if (job == null || job.status().isFinished()) {
                ended.add(claimant);
            }
        }
        return ended;
    }

    /**
     * @param asking the job that asks, whose own claims are not left behind
     * @param limit  the most notes worth reading: past it, asking the items themselves costs less
     * @return the jobs noted as holding claims that have ended — every claim on an item is its job's, and noted before
     *         it was made, so no other job's claim can be left behind — or empty when more than {@code limit} jobs are
     *         noted
     */
    Optional<Set<ObjectId>> endedHolders(JobId asking, int limit) {
        List<ObjectId> noted = holders(limit + 1);
        if (noted.size() > limit) {
            return Optional.empty();
        }
        noted.remove(asking.value());
        return Optional.of(ended(noted));
    }

    /** @return the jobs noted as holding claims, at most {@code limit} */
    List<ObjectId> holders(int limit) {
        return translated("read the jobs holding claims", () -> holders.find().limit(limit)
                .map(holder -> holder.getObjectId("_id")).into(new ArrayList<>()));
    }

    /**
     * @return the jobs that hold claims as the items themselves say, at most {@code limit}: a pass over the items where
     *         {@code deleting_job} has no index
     */
    List<ObjectId> claimants(int limit) {
        return translated("read the jobs holding claims on items", () -> items.distinct(DELETING_JOB,
                exists(DELETING_JOB), ObjectId.class).into(new ArrayList<>()).stream().limit(limit).toList());
    }

    /** Drops the note that the job holds claims, once it holds none (it completed). */
    public void forget(JobId job) {
        translated("forget the claims note of job " + job, () -> holders.deleteOne(eq("_id", job.value())));
    }

    /** Lets go of every claim of the job, and of the note that it holds any. */
    public void release(JobId job) {
        translated("release the claims of job " + job, () -> {
            items.updateMany(eq(DELETING_JOB, job.value()), unset(DELETING_JOB));
            return holders.deleteOne(eq("_id", job.value()));
        });
    }
}
