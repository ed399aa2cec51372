package io.flowhub.gateway.internal;

import io.flowhub.events.ContractJson;
import io.flowhub.store.JobId;
import io.flowhub.engine.DeadLetteredJobs;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether replaying a dead letter would do anything, decided before it is sent: a command of a job the gateway
 * recorded runs only while that job is unfinished, so the job of a command given up on (failed, marked dead-lettered)
 * is reopened first and runs on from its ledger; a command whose job finished otherwise, or is gone, would be dropped
 * by its worker, and is not sent. A record that names no job (an outside producer's, or one that never decoded) is
 * sent: its worker records or refuses it again.
 */
@Component
class ReplayedJobs {

    private final JobStore jobs;
    private final DeadLetteredJobs deadLettered;

    ReplayedJobs(JobStore jobs, DeadLetteredJobs deadLettered) {
        this.jobs = jobs;
        this.deadLettered = deadLettered;
    }

    /** @return why replaying the record would do nothing, or empty when it may go (its job reopened if need be) */
    Optional<String> prepare(ConsumerRecord<byte[], byte[]> record) {
        Optional<Named> named = named(record);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        JobId jobId = named.get().jobId();
        if (deadLettered.reopen(jobId, named.get().commandId()).isPresent()) {
            return Optional.empty();
        }
        Optional<Job> job = jobs.find(jobId);
        if (job.isEmpty()) {
            return Optional.of("its job " + jobId + " is gone (deleted by a purge or a reset), so its worker would drop it");
        }
        if (job.get().status().isFinished()) {
            return Optional.of("its job " + jobId + " is " + job.get().status().wireValue()
                    + (job.get().failureReason() == null ? "" : " (" + job.get().failureReason() + ")")
                    + ", so its worker would drop it; send a new request for new work");
        }
        // why: queued or running (reopened by an earlier replay): the copy is harmless, one worker holds the job
        return Optional.empty();
    }

    private static Optional<Named> named(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode command = ContractJson.mapper().readTree(record.value());
            JsonNode jobId = command.get("job_id");
            JsonNode commandId = command.get("command_id");
            if (jobId == null || !jobId.isString() || commandId == null || !commandId.isString()) {
                return Optional.empty();
            }
            return Optional.of(new Named(JobId.parse(jobId.asString()), UUID.fromString(commandId.asString())));
        } catch (RuntimeException e) {
            // why: a record that never decoded goes back as it came, to be dead-lettered again with its reason
            return Optional.empty();
        }
    }

    private record Named(JobId jobId, UUID commandId) {
    }
}
