package io.flowhub.cleanup.job;

import io.flowhub.cleanup.CleanupWorkerSettings;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.ResetAll;
import io.flowhub.events.SweepOrphanFiles;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobCounts;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobProgress;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.NewJob;
import io.flowhub.store.policy.EnvironmentPolicy;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Runs a cleanup command as a job: finds or creates the job, takes it, checks the environment
 * policy again (whoever sent the command), runs the task, and completes the job with what was
 * deleted. A refused command fails its job with the reason, having deleted nothing.
 */
@Component
public class CleanupJobRunner {

    private static final Logger log = LoggerFactory.getLogger(CleanupJobRunner.class);

    private final JobStore jobs;
    private final EnvironmentPolicy policy;
    private final CleanupWorkerSettings settings;
    private final CleanupMetrics metrics;

    CleanupJobRunner(JobStore jobs, EnvironmentPolicy policy, CleanupWorkerSettings settings, CleanupMetrics metrics) {
        this.jobs = jobs;
        this.policy = policy;
        this.settings = settings;
        this.metrics = metrics;
    }

    public void run(CleanupCommand command, boolean hardDelete, CleanupTask task) {
        Job job = jobFor(command);
        if (job.status().isFinished()) {
            log.info("Job {} is already {}; command {} redelivered, nothing to do", job.id(), job.status().wireValue(),
                    command.commandId());
            return;
        }
        Optional<String> refusal = refusal(command, hardDelete);
        if (refusal.isPresent()) {
            jobs.fail(job.id(), "Refused by the " + policy.environment().wireValue() + " policy: " + refusal.get());
            metrics.policyDenied(command.operation());
            log.warn("Refused {} job {}: {}", command.operation(), job.id(), refusal.get());
            return;
        }
        if (jobs.start(job.id(), settings.workerId(), settings.lease(), 0).isEmpty()) {
            log.info("Job {} is finished or held by another live worker; leaving it", job.id());
            return;
        }
        var context = new CleanupContext(job.id(), command.dryRun(), jobs, settings.workerId());
        try {
            var result = task.run(context);
            long total = result.entrySet().stream().filter(entry -> !entry.getKey().startsWith("files"))
                    .mapToLong(entry -> entry.getValue()).sum();
            jobs.complete(job.id(), settings.workerId(),
                    new JobProgress(new JobCounts(total, 0, 0, 0, 0), total, null, total, List.of()), result);
            metrics.finished(command.operation(), "completed", command.dryRun(), result);
            log.info("{} job {} completed{}: {}", command.operation(), job.id(), command.dryRun() ? " (dry run)" : "",
                    result);
        } catch (CleanupRefusedException e) {
            jobs.fail(job.id(), e.getMessage());
            metrics.finished(command.operation(), "failed", command.dryRun(), context.result());
        }
    }

    private Optional<String> refusal(CleanupCommand command, boolean hardDelete) {
        if (command.dryRun() || command instanceof SweepOrphanFiles) {
            return Optional.empty();
        }
        if (command instanceof ResetAll) {
            return policy.refusesFullReset();
        }
        return hardDelete ? policy.refusesHardDelete() : Optional.empty();
    }

    private Job jobFor(CleanupCommand command) {
        String commandJson = ContractJson.mapper().writeValueAsString(command);
        ObjectId jobId = command.jobId() == null ? new ObjectId() : ObjectIds.parse("job id", command.jobId());
        if (command.jobId() != null) {
            var existing = jobs.find(jobId);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        return jobs.createIfAbsent(new NewJob(jobId, JobKind.CLEANUP, command.operation(), command.requestedBy(),
                command.commandId(), 0, commandJson, command.dryRun()));
    }
}
