package io.flowhub.engine.item;

import io.flowhub.store.item.ItemFields;
import com.mongodb.client.MongoCollection;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.JobCounts;
import io.flowhub.engine.JobError;
import io.flowhub.engine.TagChange;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;
import static io.flowhub.store.item.ItemFields.*;

/**
 * Applies an operation to one batch with one {@code updateMany} (a tag operation: one per tag), then accounts
 * for every item. An
 * item the job changed carries the job's id ({@code last_job_id}), so the account is exact whether
 * the write happened now or in an earlier attempt that died before recording it, and whatever
 * another writer did to the batch meanwhile: changed by this job, not found, another user's, or
 * already in the target state. The account reads the batch by its ids alone, which every MongoDB
 * answers from the {@code _id} index.
 */
public class BatchWriter {

    // why: the embedded server checks every document it finds through the _id index against the whole
    // $in list again, so one read of n ids costs n² comparisons there (10,000 ids: 100 million); reads
    // of a few hundred ids each keep it linear, and cost a real MongoDB nothing
    static final int READ_CHUNK = 500;
    static final Holds.Covering NOTHING_HELD = new Holds.Covering(Set.of(), Set.of(), Set.of());
    private static final Bson ACCOUNTED = include(ID, CREATED_BY, LAST_JOB_ID, TAGS, TAG_CHANGES, IS_ACTIVE, UPDATED_AT);

    private final MongoCollection<Document> items;
    private final Clock clock;

    public BatchWriter(MongoCollection<Document> items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    /**
     * @param batch     the ids the selection handed out for this batch
     * @param selection the selection, which names the write's scope
     * @param owner     the user whose items alone may change, or {@code null} when any item may
     * @param held      what the operators' holds cover, as the job last read them, for a destructive operation (which
     *                  leaves those items alone and counts them as held); {@link #NOTHING_HELD} for another
     */
    public BatchOutcome write(List<ObjectId> batch, Selection selection, ItemOperation operation, JobId jobId,
            UserId owner, Holds.Covering held) {
        Bson scope = selection.scopeOf(batch);
        var failures = new ArrayList<JobError>();
        Bson writable = held.isEmpty() ? scope : and(scope, held.notHeld());
        if (operation.refusesItems()) {
            var allowed = new ArrayList<ObjectId>();
            for (Document item : read(batch)) {
                var refusal = operation.refusal(item);
                ObjectId id = item.getObjectId(ID);
                boolean changedByThisJob = jobId.value().equals(item.getObjectId(LAST_JOB_ID));
                if (refusal.isPresent() && !changedByThisJob && ownedBy(item, owner)) {
                    failures.add(new JobError(id.toHexString(), refusal.get()));
                } else {
                    allowed.add(id);
                }
            }
            writable = failures.isEmpty() ? writable : and(writable, in(ID, allowed));
        }
        Date now = Date.from(clock.instant());
        long changedNow = 0;
        for (ItemOperation.Write write : operation.writes(jobId, now)) {
            changedNow += items.updateMany(scoped(writable, write.filter(), owner), write.update()).getModifiedCount();
        }
        if (!operation.changesTags() && !selection.scopeMayHoldMore() && failures.isEmpty()
                && changedNow == batch.size()) {
            return new BatchOutcome(new JobCounts(changedNow, 0, 0, 0, 0), List.of(), batch, List.of());
        }
        return account(batch, jobId, owner, failures, selection.scopeMayHoldMore() ? changedNow : 0, now, held,
                selection.scopeMayHoldMore());
    }

    /**
     * @return which tags the job changed on which of the items it changed, from the marks its writes left on them
     *         ({@link TagMarks}): exact for items changed by an earlier attempt, and blind to what others did
     */
    private static List<TagChange> tagChanges(List<ObjectId> changed, Map<ObjectId, Document> found, JobId jobId) {
        var byTag = new LinkedHashMap<String, List<ObjectId>>();
        for (ObjectId id : changed) {
            Document item = found.get(id);
            if (item == null) {
                continue;
            }
            for (String tag : TagMarks.changedBy(jobId, item)) {
                byTag.computeIfAbsent(tag, ignored -> new ArrayList<>()).add(id);
            }
        }
        return byTag.entrySet().stream().map(entry -> new TagChange(entry.getKey(), entry.getValue())).toList();
    }

    /**
     * @param changedNow what the writes changed, or 0 when their scope was the batch's ids alone
     * @param inRange    whether the scope was the batch's {@code _id} range (a filter's batch): the items the job
     *                   changed there are then read in one range query, and only the batch's other ids by id
     */
    private BatchOutcome account(List<ObjectId> batch, JobId jobId, UserId owner, List<JobError> failures,
            long changedNow, Date now, Holds.Covering held, boolean inRange) {
        Map<ObjectId, Document> found = new HashMap<>();
        Map<ObjectId, Document> changedInRange = new HashMap<>();
        Set<ObjectId> listed = new HashSet<>(batch);
        if (inRange) {
            // why: a filter's batch is changed in full as a rule; one read of what the job changed in the range
            // replaces reading the whole batch back by id (10,000 ids: twenty queries of index look-ups)
            readChangedInRange(changedInRange, batch, jobId);
            found.putAll(changedInRange);
            found.keySet().retainAll(listed);
            readInto(found, batch.stream().filter(id -> !found.containsKey(id)).toList());
        } else {
            readInto(found, batch);
        }
        Set<String> failed = new HashSet<>(failures.stream().map(JobError::itemId).toList());
        var changed = new ArrayList<ObjectId>();
        long changedNowInBatch = 0;
        long alreadyDone = 0;
        long notFound = 0;
        long leftHeld = 0;
        for (ObjectId id : batch) {
            Document item = found.get(id);
            if (failed.contains(id.toHexString())) {
                continue;
            }
            // why: to a caller restricted to its own items, another user's item is one that does not exist;
            // counting it apart would tell that caller which of another user's ids exist
            if (item == null || !ownedBy(item, owner)) {
                notFound++;
            } else if (jobId.value().equals(item.getObjectId(LAST_JOB_ID))) {
                changed.add(id);
                if (now.equals(item.getDate(UPDATED_AT))) {
                    changedNowInBatch++;
                }
            } else if (held.covers(item) && !Boolean.FALSE.equals(item.getBoolean(IS_ACTIVE))) {
                leftHeld++;
            } else {
                alreadyDone++;
            }
        }
        // why: only a scope that may hold more than the batch (a range of a filter's selection) can have changed items
        // outside it; a batch of listed ids has none, and its id range holds the job's earlier batches, which an item
        // edited between the write and this read would otherwise have counted again
        if (changedNow > changedNowInBatch) {
            // why: the write's range held items the selection's cursor had not handed out (created or
            // changed to match while the job ran); the job changed them, so it counts them
            changedInRange.forEach((id, item) -> {
                if (!listed.contains(id)) {
                    changed.add(id);
                    found.put(id, item);
                }
            });
        }
        return new BatchOutcome(new JobCounts(changed.size(), alreadyDone, notFound, 0, 0, failures.size(), leftHeld),
                failures, changed, tagChanges(changed, found, jobId));
    }

    /** Reads the items the job changed between the batch's first and last id, in one range query. */
    private void readChangedInRange(Map<ObjectId, Document> into, List<ObjectId> batch, JobId jobId) {
        items.find(and(gte(ID, batch.stream().min(ObjectId::compareTo).orElseThrow()),
                        lte(ID, batch.stream().max(ObjectId::compareTo).orElseThrow()), eq(LAST_JOB_ID, jobId.value())))
                .projection(ACCOUNTED)
                .forEach(item -> into.put(item.getObjectId(ID), item));
    }

    private void readInto(Map<ObjectId, Document> found, List<ObjectId> ids) {
        read(ids).forEach(item -> found.put(item.getObjectId(ID), item));
    }

    /** @return the batch's items, read by their ids alone so that the {@code _id} index answers */
    private List<Document> read(List<ObjectId> batch) {
        var found = new ArrayList<Document>(batch.size());
        for (int from = 0; from < batch.size(); from += READ_CHUNK) {
            items.find(in(ID, batch.subList(from, Math.min(batch.size(), from + READ_CHUNK))))
                    .projection(ACCOUNTED).into(found);
        }
        return found;
    }

    private static boolean ownedBy(Document item, UserId owner) {
        return owner == null || Objects.equals(owner.value(), item.getObjectId(CREATED_BY));
    }

    private static Bson scoped(Bson scope, Bson pending, UserId owner) {
        return owner == null ? and(scope, pending) : and(scope, pending, eq(CREATED_BY, owner.value()));
    }
}
