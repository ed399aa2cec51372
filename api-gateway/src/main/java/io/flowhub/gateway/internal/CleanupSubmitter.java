package io.flowhub.gateway.internal;

import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.Topics;
import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.system.ServiceUnavailableException;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.NewJob;
import org.bson.types.ObjectId;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** Records a cleanup job as {@code queued} and publishes its command to cleanup-worker. */
@Component
class CleanupSubmitter {

    private final JobStore jobs;
    private final KafkaTemplate<String, Object> kafka;
    private final GatewaySettings settings;

    CleanupSubmitter(JobStore jobs, KafkaTemplate<String, Object> kafka, GatewaySettings settings) {
        this.jobs = jobs;
        this.kafka = kafka;
        this.settings = settings;
    }

    Job submit(CleanupCommand command) {
        Job job = jobs.createIfAbsent(new NewJob(new ObjectId(command.jobId()), JobKind.CLEANUP, command.operation(),
                command.requestedBy(), command.commandId(), 0, ContractJson.mapper().writeValueAsString(command),
                command.dryRun()));
        try {
            kafka.send(Topics.CLEANUP_COMMANDS, command.key(), command)
                    .get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notPublished(job, e);
        } catch (Exception e) {
            throw notPublished(job, e);
        }
        return job;
    }

    private ServiceUnavailableException notPublished(Job job, Exception cause) {
        String reason = "The cleanup command could not be published to Kafka: " + cause.getMessage();
        jobs.fail(job.id(), reason);
        return new ServiceUnavailableException(reason + " (job " + job.id() + " is marked failed; nothing was deleted)", cause);
    }
}
