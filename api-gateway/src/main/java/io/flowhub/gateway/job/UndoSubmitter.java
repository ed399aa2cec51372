package io.flowhub.gateway.job;

import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.CleanupRun;
import io.flowhub.events.ContractJson;
import io.flowhub.events.Operation;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.Topics;
import io.flowhub.events.UndoJob;
import io.flowhub.gateway.limit.Share;
import io.flowhub.gateway.system.ConflictException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.item.UndoBatches;
import io.flowhub.engine.Idempotency;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.NewJob;
import io.flowhub.engine.Owner;
import org.bson.types.ObjectId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts the undo of a finished job ({@link UndoJob}, run by bulk-worker from the job's ledger), or
 * says why there is none: the job still runs, was a dry run, deleted for good, or was an undo.
 */
@Component
public class UndoSubmitter {

    private final JobPublisher publisher;
    private final Clock clock;

    UndoSubmitter(JobPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @param requester  who asks, the undo's owner
     * @param restrictTo the user whose items alone the undo may change, or {@code null} for any item
     * @param share      whose cap of active jobs the undo counts against
     * @return the undo's job, queued; the one started before when the job was undone already
     * @throws ConflictException when the job cannot be undone, saying why
     */
    public Job undo(Job original, Owner requester, UserId restrictTo, Share share) {
        requireUndoable(original);
        JobId jobId = new JobId(new ObjectId());
        String owner = restrictTo == null ? null : restrictTo.toString();
        var command = new UndoJob(SchemaVersion.CURRENT, UUID.randomUUID(), jobId.toString(), owner, restrictTo != null,
                original.id().toString(), clock.instant());
        // why: a job has one undo: asked twice at once (two clicks, two gateways), both answer with the one job
        var undo = new NewJob(jobId, JobKind.BULK, Operation.UNDO.wireValue(), requester, null, original.id(), false,
                command.commandId(),
                original.counts().processed(), ContractJson.mapper().writeValueAsString(command), false)
                .withIdempotency(new Idempotency("undo\n" + original.id(), Operation.UNDO.wireValue()));
        return publisher.submit(undo, Topics.BULK_COMMANDS, command.key(), command, share);
    }

    /** @return the 202 for a started undo: where to poll it, and which job it undoes */
    public static ResponseEntity<Envelope<Void>> accepted(Job undo, String undone) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + undo.id()))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Envelope.message("Undo started").with("job_id", undo.id().toString()).with("undoes", undone));
    }

    private static void requireUndoable(Job original) {
        whyNotUndoable(original).ifPresent(reason -> {
            throw new ConflictException(reason);
        });
    }

    /** @return why the job cannot be undone (not finished, a dry run, an undo, a hard delete), or empty when it can */
    public static Optional<String> whyNotUndoable(Job original) {
        String job = "Job " + original.id();
        if (!original.status().isFinished()) {
            return Optional.of(job + " is " + original.status().wireValue() + "; undo it once it has finished");
        }
        if (original.dryRun()) {
            return Optional.of(job + " was a dry run: it changed nothing, so there is nothing to undo");
        }
        Optional<Operation> operation = Operation.fromWireValue(original.operation());
        if (operation.isEmpty()) {
            return Optional.of(job + " (" + original.operation() + ") cannot be undone");
        }
        if (operation.get() == Operation.UNDO) {
            return Optional.of(job + " is an undo; to change the items back, run the operation again");
        }
        if (!UndoBatches.undoable(operation.get()) || original.deletesForGood()) {
            return Optional.of(job + " (" + operation.get().wireValue() + ") deleted for good or changed nothing an "
                    + "undo can give back: a hard delete cannot be undone");
        }
        return Optional.empty();
    }

}
