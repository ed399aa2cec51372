package io.flowhub.cleanup.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Settings of cleanup-worker.
 *
 * @param batchSize      items per bulk delete (and per progress report)
 * @param retryFor       how long a command failing for a passing reason is retried before it is dead-lettered
 * @param lease          how long a running job's worker may go without reporting before another may take it
 * @param retentionDays  soft-deleted items older than this are hard-deleted by the daily retention job
 * @param fileGrace      files younger than this are never swept as orphans (an upload may be under way)
 * @param sweepInterval  how often the worker looks for abandoned cleanup jobs and commands that never reached Kafka
 * @param outboxGrace    how long a queued job may wait for its command to reach Kafka before it is sent again
 * @param slice          how long one job runs before its command goes to the end of the queue, so that another
 *                       owner's job queued behind it starts within about this long
 * @param retentionCron   when the retention job runs (a Spring cron expression, UTC): daily at 03:30
 * @param orphanSweepCron when the orphan-file sweep runs (a Spring cron expression, UTC): hourly at :15
 * @param expiryInterval  how often documents past their TTL index's time are deleted, as MongoDB's TTL monitor
 *                        does every minute (the embedded server has none)
 * @param workerId       this worker's name on the jobs it holds
 */
@ConfigurationProperties("flowhub.cleanup")
public record CleanupWorkerSettings(
        @DefaultValue("5000") int batchSize,
        @DefaultValue("30s") Duration retryFor,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("30") int retentionDays,
        @DefaultValue("1h") Duration fileGrace,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("20s") Duration outboxGrace,
        @DefaultValue("1s") Duration slice,
        @DefaultValue("0 30 3 * * *") String retentionCron,
        @DefaultValue("0 15 * * * *") String orphanSweepCron,
        @DefaultValue("60s") Duration expiryInterval,
        String workerId) {

    public CleanupWorkerSettings {
        if (workerId == null || workerId.isBlank()) {
            workerId = "cleanup-worker-" + ManagementFactory.getRuntimeMXBean().getName() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
