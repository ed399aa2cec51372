package io.flowhub.gateway.job;

import io.flowhub.events.BulkCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.SelectionFilter;
import io.flowhub.events.Topics;
import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.auth.Caller;
import io.flowhub.gateway.system.ForbiddenException;
import io.flowhub.gateway.system.ServiceUnavailableException;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.NewJob;
import io.flowhub.store.user.Role;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records a bulk job as {@code queued} and publishes its command. The job is recorded first, so a
 * worker never receives a command whose job it cannot find; a command that Kafka did not accept
 * marks its job failed and answers 503, so nothing is left queued forever. An EDITOR's command may
 * change only the EDITOR's own items.
 */
@Component
class BulkJobSubmitter {

    private static final Logger log = LoggerFactory.getLogger(BulkJobSubmitter.class);

    private final JobStore jobs;
    private final IdempotencyKeys idempotencyKeys;
    private final KafkaTemplate<String, Object> kafka;
    private final GatewaySettings settings;
    private final Clock clock;

    BulkJobSubmitter(JobStore jobs, IdempotencyKeys idempotencyKeys, KafkaTemplate<String, Object> kafka,
            GatewaySettings settings, Clock clock) {
        this.jobs = jobs;
        this.idempotencyKeys = idempotencyKeys;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null} */
    Job submit(Caller caller, BulkOperationRequest request, String idempotencyKey) {
        BulkOperation operation = BulkOperation.parse(request.operation());
        String owner = caller.id().toHexString();
        boolean restrictToOwner = !caller.is(Role.ADMIN);
        ObjectId jobId = new ObjectId();
        BulkCommand command = operation.command(UUID.randomUUID(), jobId.toHexString(), owner, restrictToOwner,
                request.itemIds(), filter(request.filter(), owner, restrictToOwner), request.tags(), request.batchSize(),
                clock.instant());
        if (idempotencyKey != null) {
            var earlier = idempotencyKeys.claim(owner, idempotencyKey, hash(operation, request), jobId);
            if (earlier.isPresent()) {
                return jobs.find(earlier.get()).orElseThrow(() -> new IllegalStateException(
                        "Idempotency-Key " + idempotencyKey + " points at job " + earlier.get() + ", which is gone"));
            }
        }
        String commandJson = ContractJson.mapper().writeValueAsString(command);
        long total = request.itemIds() == null ? 0 : request.itemIds().size();
        Job job = jobs.createIfAbsent(new NewJob(jobId, JobKind.BULK, operation.wireValue(), owner,
                command.commandId(), total, commandJson));
        try {
            publish(command, job);
        } catch (ServiceUnavailableException e) {
            if (idempotencyKey != null) {
                idempotencyKeys.release(owner, idempotencyKey);
            }
            throw e;
        }
        return job;
    }

    private static SelectionFilter filter(BulkOperationRequest.Filter filter, String owner, boolean restrictToOwner) {
        if (filter == null) {
            return null;
        }
        String createdBy = filter.createdBy();
        if (restrictToOwner) {
            if (createdBy != null && !createdBy.equals(owner)) {
                throw new ForbiddenException("An EDITOR's filter may name only its own id as created_by");
            }
            // why: an EDITOR's filter selects among the EDITOR's own items, so others are never even read
            createdBy = owner;
        }
        return new SelectionFilter(filter.tags(), filter.status(), filter.testData(), createdBy);
    }

    private void publish(BulkCommand command, Job job) {
        try {
            kafka.send(Topics.BULK_COMMANDS, command.ownerId(), command)
                    .get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Published {} command_id={} job_id={}", command.getClass().getSimpleName(),
                    command.commandId(), job.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notPublished(job, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw notPublished(job, e);
        }
    }

    private ServiceUnavailableException notPublished(Job job, Exception cause) {
        String reason = "The command could not be published to Kafka: " + cause.getMessage();
        jobs.fail(job.id(), reason);
        return new ServiceUnavailableException(reason + " (job " + job.id() + " is marked failed; retry the request)", cause);
    }

    private static String hash(BulkOperation operation, BulkOperationRequest request) {
        var canonical = new BulkOperationRequest(operation.wireValue(), request.itemIds(), request.filter(),
                request.tags(), request.batchSize());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ContractJson.mapper().writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
