package io.flowhub.gateway.job;

import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.events.Topics;
import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.auth.Caller;
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

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records a bulk job as {@code queued} and publishes its command. The job is recorded first, so a
 * worker never receives a command whose job it cannot find; a command that Kafka did not accept
 * marks its job failed and answers 503, so nothing is left queued forever.
 */
@Component
class BulkJobSubmitter {

    private static final Logger log = LoggerFactory.getLogger(BulkJobSubmitter.class);

    private final JobStore jobs;
    private final KafkaTemplate<String, Object> kafka;
    private final GatewaySettings settings;
    private final Clock clock;

    BulkJobSubmitter(JobStore jobs, KafkaTemplate<String, Object> kafka, GatewaySettings settings, Clock clock) {
        this.jobs = jobs;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    Job submitSoftDelete(Caller caller, List<String> itemIds, Integer batchSize) {
        ObjectId jobId = new ObjectId();
        String owner = caller.id().toHexString();
        // why: building the command validates the ids before anything is recorded
        var command = new SoftDeleteItems(SchemaVersion.CURRENT, UUID.randomUUID(), jobId.toHexString(), owner,
                !caller.is(Role.ADMIN), itemIds, batchSize, clock.instant());
        Job job = jobs.createIfAbsent(new NewJob(jobId, JobKind.BULK, BulkOperation.DELETE.wireValue(), owner,
                command.commandId(), itemIds.size()));
        publish(command, job);
        return job;
    }

    private void publish(SoftDeleteItems command, Job job) {
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
}
