package io.flowhub.bulk.job;

import com.mongodb.client.MongoCollection;
import io.flowhub.store.job.JobCounts;
import io.flowhub.store.job.JobError;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static io.flowhub.store.item.ItemFields.*;

/**
 * Applies an operation to one batch with one {@code updateMany}, then accounts for every item.
 * When the write changed the whole batch, that is the account. Otherwise one read of the batch
 * tells each item's fate: changed by this job (now, or by an earlier attempt that died before
 * recording it), not found, another user's, or already in the target state.
 */
class BatchWriter {

    private final MongoCollection<Document> items;
    private final Clock clock;

    BatchWriter(MongoCollection<Document> items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    /**
     * @param owner the user whose items alone may change, or {@code null} when any item may
     */
    BatchOutcome write(List<ObjectId> batch, Bson scope, ItemOperation operation, ObjectId jobId, ObjectId owner) {
        var failures = new ArrayList<JobError>();
        Bson writable = scope;
        if (operation.refusesItems()) {
            var allowed = new ArrayList<ObjectId>();
            for (Document item : read(scope)) {
                var refusal = operation.refusal(item);
                ObjectId id = item.getObjectId(ID);
                if (refusal.isPresent() && !jobId.equals(item.getObjectId(LAST_JOB_ID)) && ownedBy(item, owner)) {
                    failures.add(new JobError(id.toHexString(), refusal.get()));
                } else {
                    allowed.add(id);
                }
            }
            writable = failures.isEmpty() ? scope : and(scope, in(ID, allowed));
        }
        long changedNow = items.updateMany(scoped(writable, operation.pending(), owner),
                operation.change(jobId, Date.from(clock.instant()))).getModifiedCount();
        if (failures.isEmpty() && changedNow == batch.size()) {
            return new BatchOutcome(new JobCounts(changedNow, 0, 0, 0, 0), List.of(), batch);
        }
        return account(batch, scope, jobId, owner, failures);
    }

    private BatchOutcome account(List<ObjectId> batch, Bson scope, ObjectId jobId, ObjectId owner,
            List<JobError> failures) {
        Map<ObjectId, Document> found = new HashMap<>();
        read(scope).forEach(item -> found.put(item.getObjectId(ID), item));
        var failed = failures.stream().map(JobError::itemId).toList();
        var changed = new ArrayList<ObjectId>();
        long alreadyDone = 0;
        long notFound = 0;
        long notOwned = 0;
        for (ObjectId id : batch) {
            Document item = found.get(id);
            if (failed.contains(id.toHexString())) {
                continue;
            }
            if (item == null) {
                notFound++;
            } else if (jobId.equals(item.getObjectId(LAST_JOB_ID))) {
                changed.add(id);
            } else if (!ownedBy(item, owner)) {
                notOwned++;
            } else {
                alreadyDone++;
            }
        }
        return new BatchOutcome(new JobCounts(changed.size(), alreadyDone, notFound, notOwned,
                failures.size()), failures, changed);
    }

    private List<Document> read(Bson scope) {
        return items.find(scope).projection(include(ID, CREATED_BY, LAST_JOB_ID, TAGS, IS_ACTIVE))
                .into(new ArrayList<>());
    }

    private static boolean ownedBy(Document item, ObjectId owner) {
        return owner == null || Objects.equals(owner, item.getObjectId(CREATED_BY));
    }

    private static Bson scoped(Bson scope, Bson pending, ObjectId owner) {
        return owner == null ? and(scope, pending) : and(scope, pending, eq(CREATED_BY, owner));
    }
}
