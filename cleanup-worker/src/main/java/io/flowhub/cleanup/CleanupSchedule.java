package io.flowhub.cleanup;

import io.flowhub.cleanup.tags.RunReaper;
import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.PurgeSoftDeleted;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SweepOrphanFiles;
import io.flowhub.events.Topics;
import io.flowhub.cleanup.file.EndedClaimsRelease;
import io.flowhub.engine.EngineSettings;
import io.flowhub.store.expiry.ExpirySweep;
import io.flowhub.engine.JobQueries;
import io.flowhub.engine.plan.Plans;
import io.flowhub.store.policy.EnvironmentPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The scheduled cleanups: retention daily (where the environment allows hard deletes) and the
 * orphan-file sweep hourly, each sent as a command, so it runs as a job like any other, its command id
 * made from the day or hour so that several worker instances sending it make one job; and at every
 * sweep interval, in place, the release of claims that ended jobs left behind
 * ({@link EndedClaimsRelease}) and of the marks spent plans left on items ({@link Plans#clearSpentMarks}); hourly, in
 * place, the release of claims the items name of ended jobs that no note names;
 * and every {@code expiry-interval} what TTL indexes would expire, on a server without a TTL monitor
 * ({@link ExpirySweep}).
 */
@Component
class CleanupSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CleanupSchedule.class);
    private static final Duration CLAIMANTS_INTERVAL = Duration.ofHours(1);

    private final KafkaTemplate<String, Object> kafka;
    private final CleanupWorkerSettings settings;
    private final Duration sweepInterval;
    private final EndedClaimsRelease endedClaims;
    private final EnvironmentPolicy policy;
    private final Plans plans;
    private final JobQueries jobs;
    private final ExpirySweep expiry;
    private final RunReaper reaper;
    private final Clock clock;

    CleanupSchedule(KafkaTemplate<String, Object> kafka, CleanupWorkerSettings settings, EngineSettings engine,
            EndedClaimsRelease endedClaims, EnvironmentPolicy policy, Plans plans, JobQueries jobs, ExpirySweep expiry,
            RunReaper reaper, Clock clock) {
        this.reaper = reaper;
        this.sweepInterval = engine.sweepInterval();
        this.expiry = expiry;
        this.policy = policy;
        this.plans = plans;
        this.jobs = jobs;
        this.kafka = kafka;
        this.settings = settings;
        this.endedClaims = endedClaims;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Optional<String> refusal = policy.refusesHardDelete();
        if (refusal.isPresent()) {
            // why: retention hard-deletes; a job the policy refuses every day would only fail every day (and fire
            // the jobs-failing alert), so where hard deletes are refused it is not scheduled at all
            log.info("Retention of soft-deleted items and the cleanup of runs whose lease ran out are not scheduled: {}",
                    refusal.get());
        } else {
            registrar.addCronTask(new CronTask(this::retention, new CronTrigger(settings.retentionCron(), ZoneOffset.UTC)));
            registrar.addFixedDelayTask(this::reapRuns, settings.runReapInterval());
        }
        registrar.addCronTask(new CronTask(this::orphanSweep,
                new CronTrigger(settings.orphanSweepCron(), ZoneOffset.UTC)));
        registrar.addFixedDelayTask(this::releaseEndedClaims, sweepInterval);
        // why: a claim a paused worker wrote after its job's note went is found only on the items, by a pass over
        // them; once an hour is often enough for something that rare
        registrar.addFixedDelayTask(
                new IntervalTask(this::releaseEndedClaimants, CLAIMANTS_INTERVAL, Duration.ofMinutes(1)));
        registrar.addFixedDelayTask(this::clearSpentPlans, sweepInterval);
        registrar.addFixedDelayTask(this::expire, settings.expiryInterval());
    }

    void expire() {
        try {
            var expired = expiry.sweep();
            if (!expired.isEmpty()) {
                log.debug("Expired what TTL indexes would have: {}", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Expiring documents past their TTL did not finish: {}", e.getMessage());
        }
    }

    void reapRuns() {
        try {
            reaper.reap();
        } catch (RuntimeException e) {
            log.warn("Looking for runs whose lease ran out did not finish: {}", e.getMessage());
        }
    }

    void clearSpentPlans() {
        try {
            plans.clearSpentMarks(jobs);
        } catch (RuntimeException e) {
            log.warn("Clearing the marks of spent plans did not finish: {}", e.getMessage());
        }
    }

    void releaseEndedClaims() {
        try {
            endedClaims.releaseEnded();
        } catch (RuntimeException e) {
            // why: the database may be down for a while; the next sweep tries again
            log.warn("Releasing the claims of ended jobs did not finish: {}", e.getMessage());
        }
    }

    void releaseEndedClaimants() {
        try {
            endedClaims.releaseEndedClaimants();
        } catch (RuntimeException e) {
            log.warn("Releasing the claims the items name of ended jobs did not finish: {}", e.getMessage());
        }
    }

    void retention() {
        String day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        send(new PurgeSoftDeleted(SchemaVersion.CURRENT, idFor("retention-" + day), null, "schedule", false, null, null));
    }

    void orphanSweep() {
        String hour = clock.instant().truncatedTo(ChronoUnit.HOURS).toString();
        send(new SweepOrphanFiles(SchemaVersion.CURRENT, idFor("orphan-sweep-" + hour), null, "schedule", false, null));
    }

    private void send(CleanupCommand command) {
        kafka.send(Topics.CLEANUP_COMMANDS, CleanupCommand.GLOBAL_KEY, command);
    }

    private static UUID idFor(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
