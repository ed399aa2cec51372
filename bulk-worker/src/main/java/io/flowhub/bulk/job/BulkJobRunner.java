package io.flowhub.bulk.job;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.Operation;
import io.flowhub.events.UndoJob;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.JobId;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.UserId;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.item.ItemBatches;
import io.flowhub.engine.item.ItemOperation;
import io.flowhub.engine.item.ItemSelection;
import io.flowhub.engine.item.Selection;
import io.flowhub.engine.item.UndoBatches;
import io.flowhub.engine.Backlog;
import io.flowhub.engine.EngineSettings;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobCommand;
import io.flowhub.engine.JobEngine;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.JobStore;
import io.flowhub.engine.JobWork;
import io.flowhub.engine.Owner;
import io.flowhub.engine.Unrunnable;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Runs a bulk command as a job on the {@link JobEngine}: its items, by id list or by filter, batch
 * by batch, each batch one bulk write recorded in the job's ledger.
 */
@Component
public class BulkJobRunner {

    private final JobEngine engine;
    private final JobStore jobs;
    private final JobLedger ledger;
    private final MongoCollection<Document> items;
    private final EngineSettings settings;
    private final Holds holds;
    private final Clock clock;

    BulkJobRunner(JobEngine engine, JobStore jobs, JobLedger ledger, MongoDatabase database, EngineSettings settings,
            Holds holds, Clock clock) {
        this.holds = holds;
        this.engine = engine;
        this.jobs = jobs;
        this.ledger = ledger;
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.settings = settings;
        this.clock = clock;
    }

    /** @param backlog whether records wait behind this command on the listener's consumer */
    public void run(BulkCommand command, ItemOperation operation, Backlog backlog) {
        engine.run(job(command, operation.operation()), started -> new ItemBatches(items, selection(command, started),
                operation, owner(command), settings.batchSizeFor(command.batchSize()), clock, holds), backlog);
    }

    /**
     * Runs an undo: batch by batch as the job it undoes recorded them in its ledger. An undo of a job
     * that is gone, or of one that cannot be undone, fails saying so.
     */
    public void undo(UndoJob command, Backlog backlog) {
        JobId undone = JobId.parse(command.undoes());
        Optional<Operation> operation = jobs.find(undone).flatMap(found -> Operation.fromWireValue(found.operation()))
                .filter(UndoBatches::undoable);
        engine.run(job(command, Operation.UNDO), started -> operation
                .<JobWork>map(undoing -> new UndoBatches(items, ledger, undone, undoing, owner(command), holds, clock))
                .orElseGet(() -> new Unrunnable("Job " + undone + " is gone or cannot be undone")), backlog);
    }

    private static JobCommand job(BulkCommand command, Operation operation) {
        JobId jobId = command.jobId() == null ? null : JobId.parse(command.jobId());
        return new JobCommand(command.commandId(), jobId, JobKind.BULK, operation.wireValue(),
                Owner.fromContract(command.ownerId()), null,
                command instanceof UndoJob undo ? JobId.parse(undo.undoes()) : null, false,
                ContractJson.mapper().writeValueAsString(command), false,
                command.issuedAt());
    }

    private static UserId owner(BulkCommand command) {
        return command.restrictToOwner() ? new UserId(ObjectIds.parse("owner id", command.ownerId())) : null;
    }

    private Selection selection(BulkCommand command, Job job) {
        if (command.itemIds() != null) {
            return Selection.byIds(command.itemIds().stream().map(ObjectId::new).toList());
        }
        return Selection.byFilter(items, ItemSelection.of(command.filter()).toBson(), job.id());
    }
}
