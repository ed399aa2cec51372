package io.flowhub.bulk.job;

import io.flowhub.bulk.BulkWorkerSettings;
import io.flowhub.events.Topics;
import io.flowhub.store.job.AbandonedJobs;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobStore;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the command of every abandoned bulk job again, so that a live worker resumes it from its cursor. */
@Component
class AbandonedJobSweeper {

    private final AbandonedJobs abandoned;
    private final KafkaTemplate<String, Object> kafka;
    private final BulkWorkerSettings settings;

    AbandonedJobSweeper(JobStore jobs, KafkaTemplate<String, Object> kafka, BulkWorkerSettings settings) {
        this.abandoned = new AbandonedJobs(jobs);
        this.kafka = kafka;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${flowhub.bulk.sweep-interval:10s}", fixedDelayString = "${flowhub.bulk.sweep-interval:10s}")
    void sweep() {
        abandoned.resend(JobKind.BULK, settings.lease(), (key, command) -> kafka.send(Topics.BULK_COMMANDS, key, command));
    }
}
