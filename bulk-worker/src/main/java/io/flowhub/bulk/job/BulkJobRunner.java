package io.flowhub.bulk.job;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.UserId;
import io.flowhub.store.item.ItemBatches;
import io.flowhub.store.item.ItemOperation;
import io.flowhub.store.item.ItemSelection;
import io.flowhub.store.item.Selection;
import io.flowhub.store.job.Backlog;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobCommand;
import io.flowhub.store.job.JobEngine;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.Owner;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Runs a bulk command as a job on the {@link JobEngine}: its items, by id list or by filter, batch
 * by batch, each batch one bulk write recorded in the job's ledger.
 */
@Component
public class BulkJobRunner {

    private final JobEngine engine;
    private final MongoCollection<Document> items;
    private final BulkWorkerSettings settings;
    private final Clock clock;

    BulkJobRunner(JobEngine engine, MongoDatabase database, BulkWorkerSettings settings, Clock clock) {
        this.engine = engine;
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.settings = settings;
        this.clock = clock;
    }

    /** @param backlog whether records wait behind this command on the listener's consumer */
    public void run(BulkCommand command, ItemOperation operation, Backlog backlog) {
        UserId owner = command.restrictToOwner() ? new UserId(ObjectIds.parse("owner id", command.ownerId())) : null;
        JobId jobId = command.jobId() == null ? null : JobId.parse(command.jobId());
        var job = new JobCommand(command.commandId(), jobId, JobKind.BULK, operation.operation().wireValue(),
                Owner.fromContract(command.ownerId()), null, ContractJson.mapper().writeValueAsString(command), false,
                command.issuedAt());
        engine.run(job, started -> new ItemBatches(items, selection(command, started), operation, owner,
                settings.batchSizeFor(command.batchSize()), clock), backlog);
    }

    private Selection selection(BulkCommand command, Job job) {
        if (command.itemIds() != null) {
            return Selection.byIds(command.itemIds().stream().map(ObjectId::new).toList());
        }
        return Selection.byFilter(items, ItemSelection.of(command.filter()).toBson(), job.id());
    }
}
