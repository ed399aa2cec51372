package io.flowhub.cleanup.job;

import io.flowhub.cleanup.CleanupWorkerSettings;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.Topics;
import io.flowhub.store.job.AbandonedJobs;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobStore;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the command of every abandoned cleanup job again, so that a live worker finishes it. */
@Component
class AbandonedJobSweeper {

    private final AbandonedJobs abandoned;
    private final KafkaTemplate<String, Object> kafka;
    private final CleanupWorkerSettings settings;

    AbandonedJobSweeper(JobStore jobs, KafkaTemplate<String, Object> kafka, CleanupWorkerSettings settings) {
        this.abandoned = new AbandonedJobs(jobs);
        this.kafka = kafka;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${flowhub.cleanup.sweep-interval:10s}",
            fixedDelayString = "${flowhub.cleanup.sweep-interval:10s}")
    void sweep() {
        // why: a cleanup job's owner is who asked, not a user; one key keeps re-sent commands in order
        abandoned.resend(JobKind.CLEANUP, settings.lease(),
                (owner, command) -> kafka.send(Topics.CLEANUP_COMMANDS, CleanupCommand.GLOBAL_KEY, command));
    }
}
