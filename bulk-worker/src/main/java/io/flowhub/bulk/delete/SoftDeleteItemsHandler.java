package io.flowhub.bulk.delete;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.bulk.BulkWorkerSettings;
import io.flowhub.bulk.job.BatchedJobRunner;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.store.item.ItemFields.*;

/** Soft-deletes items in batches: one {@code updateMany} per batch, skipping items already deleted. */
@Component
public class SoftDeleteItemsHandler {

    static final String OPERATION = "delete";

    private final MongoCollection<Document> items;
    private final BatchedJobRunner runner;
    private final BulkWorkerSettings settings;
    private final Clock clock;

    SoftDeleteItemsHandler(MongoDatabase database, BatchedJobRunner runner, BulkWorkerSettings settings, Clock clock) {
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    public void handle(SoftDeleteItems command) {
        List<ObjectId> ids = command.itemIds().stream().map(ObjectId::new).toList();
        // why: an EDITOR's job may only touch the EDITOR's own items; the others count as skipped
        Bson scope = command.restrictToOwner() ? eq(CREATED_BY, new ObjectId(command.ownerId())) : null;
        runner.run(command, OPERATION, ids, settings.batchSizeFor(command.batchSize()),
                (batch, jobId, inDoubt) -> softDelete(batch, scope, jobId, inDoubt));
    }

    /** @param scope the owner condition, or {@code null} when the job may change anyone's items */
    private long softDelete(List<ObjectId> batch, Bson scope, ObjectId jobId, boolean inDoubt) {
        Date now = Date.from(clock.instant());
        var pending = new ArrayList<>(List.of(in(ID, batch), eq(IS_ACTIVE, true)));
        if (scope != null) {
            pending.add(scope);
        }
        long changedNow = items.updateMany(
                and(pending),
                combine(set(IS_ACTIVE, false), set(DELETED_AT, now), set(UPDATED_AT, now), set(LAST_JOB_ID, jobId)))
                .getModifiedCount();
        if (!inDoubt) {
            return changedNow;
        }
        return items.countDocuments(and(in(ID, batch), eq(IS_ACTIVE, false), eq(LAST_JOB_ID, jobId)));
    }
}
