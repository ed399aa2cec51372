package io.flowhub.gateway.job;

import io.flowhub.store.Sha256;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.Operation;
import io.flowhub.events.SelectionFilter;
import io.flowhub.events.Topics;
import io.flowhub.gateway.limit.Shares;
import io.flowhub.gateway.system.ForbiddenException;
import io.flowhub.gateway.user.Caller;
import io.flowhub.store.JobId;
import io.flowhub.store.ObjectIds;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.engine.Idempotency;
import io.flowhub.engine.IdempotencyKeyReusedException;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.NewJob;
import io.flowhub.engine.Owner;
import io.flowhub.store.user.Role;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Turns a bulk request into a job and its command, published through the {@link JobPublisher}'s
 * outbox. An EDITOR's command may change only the EDITOR's own items.
 */
@Component
class BulkJobSubmitter {

    static final int MAX_KEY_LENGTH = 200;

    private final Shares shares;
    private final JobPublisher publisher;
    private final Clock clock;

    BulkJobSubmitter(JobPublisher publisher, Shares shares, Clock clock) {
        this.publisher = publisher;
        this.shares = shares;
        this.clock = clock;
    }

    /** @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null} */
    Job submit(Caller caller, BulkOperationRequest request, String idempotencyKey) {
        Operation operation = Operation.parse(request.operation(), Operation.BULK);
        String owner = caller.id().toHexString();
        boolean restrictToOwner = !caller.is(Role.ADMIN);
        JobId jobId = new JobId(new ObjectId());
        BulkCommand command = BulkCommands.of(operation, UUID.randomUUID(), jobId.toString(), owner, restrictToOwner,
                request.itemIds(), filter(request.filter(), owner, restrictToOwner), request.tags(), request.batchSize(),
                clock.instant());
        long total = request.itemIds() == null ? 0 : request.itemIds().size();
        Owner jobOwner = Owner.user(caller.userId());
        var job = new NewJob(jobId, JobKind.BULK, operation.wireValue(), jobOwner, null, null, false, command.commandId(),
                total,
                ContractJson.mapper().writeValueAsString(command), false);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
                throw new BadRequestException("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
            }
            job = job.withIdempotency(Idempotency.of(jobOwner, idempotencyKey, hash(operation, request)));
        }
        try {
            return publisher.submit(job, Topics.BULK_COMMANDS, command.key(), command, shares.of(caller));
        } catch (IdempotencyKeyReusedException e) {
            throw new IdempotencyConflictException(e.clientKey());
        }
    }

    private static SelectionFilter filter(BulkOperationRequest.Filter filter, String owner, boolean restrictToOwner) {
        if (filter == null) {
            return null;
        }
        // why: checked as sent, before an EDITOR's own id is added: {} is refused for every role alike
        var asSent = new SelectionFilter(filter.tags(), filter.status(), filter.testData(), filter.createdBy(),
                filter.runId());
        String createdBy = filter.createdBy();
        if (createdBy == null) {
            // why: a filter selects among the caller's own items, an ADMIN's too, so that no one's cleanup reaches
            // other testers' data by accident; others are never even read
            createdBy = owner;
        } else {
            ObjectIds.parse("filter.created_by", createdBy);
            if (restrictToOwner && !createdBy.equals(owner)) {
                throw new ForbiddenException("An EDITOR's filter may name only its own id as created_by");
            }
        }
        return new SelectionFilter(asSent.tags(), asSent.status(), asSent.testData(), createdBy, asSent.runId());
    }

    private static String hash(Operation operation, BulkOperationRequest request) {
        var canonical = new BulkOperationRequest(operation.wireValue(), request.itemIds(), request.filter(),
                request.tags(), request.batchSize());
        return Sha256.hexOf(ContractJson.mapper().writeValueAsString(canonical));
    }
}
