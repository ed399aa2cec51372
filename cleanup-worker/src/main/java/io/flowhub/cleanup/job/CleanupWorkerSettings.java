package io.flowhub.cleanup.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of cleanup-worker beside the job engine's ({@link io.flowhub.engine.EngineSettings}, under the
 * same prefix).
 *
 * @param retentionDays  soft-deleted items older than this are hard-deleted by the daily retention job
 * @param fileGrace      files younger than this are never swept as orphans (an upload may be under way)
 * @param retentionCron   when the retention job runs (a Spring cron expression, UTC): daily at 03:30
 * @param orphanSweepCron when the orphan-file sweep runs (a Spring cron expression, UTC): hourly at :15
 * @param runReapInterval how often runs whose lease ran out are looked for and cleaned up
 * @param expiryInterval  how often documents past their TTL index's time are deleted, as MongoDB's TTL monitor
 *                        does every minute (the embedded server has none)
 */
@ConfigurationProperties("flowhub.cleanup")
public record CleanupWorkerSettings(
        @DefaultValue("30") int retentionDays,
        @DefaultValue("1h") Duration fileGrace,
        @DefaultValue("0 30 3 * * *") String retentionCron,
        @DefaultValue("0 15 * * * *") String orphanSweepCron,
        @DefaultValue("60s") Duration expiryInterval,
        @DefaultValue("15s") Duration runReapInterval) {
}
