package io.flowhub.bulk.job;

import io.flowhub.bulk.BulkWorkerSettings;
import io.flowhub.events.Topics;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Finds running bulk jobs whose worker stopped reporting for longer than the lease (killed,
 * hung, or cut off) and sends their command again, so that a live worker takes them over and
 * resumes them from their cursor.
 */
@Component
class AbandonedJobSweeper {

    private static final Logger log = LoggerFactory.getLogger(AbandonedJobSweeper.class);
    private static final int PER_SWEEP = 100;

    private final JobStore jobs;
    private final KafkaTemplate<String, Object> kafka;
    private final BulkWorkerSettings settings;

    AbandonedJobSweeper(JobStore jobs, KafkaTemplate<String, Object> kafka, BulkWorkerSettings settings) {
        this.jobs = jobs;
        this.kafka = kafka;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${flowhub.bulk.sweep-interval:10s}", fixedDelayString = "${flowhub.bulk.sweep-interval:10s}")
    void sweep() {
        for (Job job : jobs.findAbandoned(JobKind.BULK, settings.lease(), PER_SWEEP)) {
            if (job.commandJson() == null) {
                jobs.fail(job.id(), "Its worker stopped and its command was not kept, so it cannot be resumed");
                continue;
            }
            log.warn("Job {} was abandoned by {} (last heartbeat {}); sending its command again", job.id(),
                    job.workerId(), job.heartbeatAt());
            kafka.send(Topics.BULK_COMMANDS, job.ownerId(), job.commandJson().getBytes(StandardCharsets.UTF_8));
            jobs.markResent(job.id());
        }
    }
}
