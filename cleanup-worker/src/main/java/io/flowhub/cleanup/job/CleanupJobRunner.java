package io.flowhub.cleanup.job;

import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.ResetAll;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.Backlog;
import io.flowhub.engine.BatchContext;
import io.flowhub.engine.Checkpoint;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobCommand;
import io.flowhub.engine.JobEngine;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.JobWork;
import io.flowhub.engine.LedgerEntry;
import io.flowhub.engine.Owner;
import io.flowhub.engine.Unrunnable;
import io.flowhub.store.policy.EnvironmentPolicy;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a cleanup command as a job on the {@link JobEngine}, after checking the environment policy
 * again (whoever sent the command): a refused command fails its job with the reason, having
 * deleted nothing.
 */
@Component
public class CleanupJobRunner {

    private final JobEngine engine;
    private final EnvironmentPolicy policy;
    private final CleanupMetrics metrics;

    CleanupJobRunner(JobEngine engine, EnvironmentPolicy policy, CleanupMetrics metrics) {
        this.engine = engine;
        this.policy = policy;
        this.metrics = metrics;
    }

    /**
     * @param work       the command's work, once its job is known
     * @param backlog    whether records wait behind this command on the listener's consumer
     */
    public void run(CleanupCommand command, Function<Job, JobWork> work, Backlog backlog) {
        JobId jobId = command.jobId() == null ? null : JobId.parse(command.jobId());
        UserId target = command.targetUserId() == null ? null : UserId.parse(command.targetUserId());
        var job = new JobCommand(command.commandId(), jobId, JobKind.CLEANUP, command.operation().wireValue(),
                Owner.fromContract(command.requestedBy()), target, null, command.deletesForGood(), ContractJson.mapper().writeValueAsString(command), command.dryRun(),
                command.issuedAt());
        engine.run(job, started -> {
            Optional<String> refusal = refusal(command);
            if (refusal.isPresent()) {
                metrics.policyDenied(command.operation().wireValue());
                return new Unrunnable("Refused by the " + policy.environment().wireValue() + " policy: "
                        + refusal.get());
            }
            return new Counted(work.apply(started), metrics);
        }, backlog);
    }

    private Optional<String> refusal(CleanupCommand command) {
        if (command.dryRun()) {
            return Optional.empty();
        }
        if (command instanceof ResetAll) {
            return policy.refusesFullReset();
        }
        return command.deletesForGood() ? policy.refusesHardDelete() : Optional.empty();
    }

    /** A cleanup's work whose recorded deletions are counted in the cleanup meters as they are settled. */
    private record Counted(JobWork work, CleanupMetrics metrics) implements JobWork {

        @Override
        public Optional<String> refusal() {
            return work.refusal();
        }

        @Override
        public long total(Checkpoint from) {
            return work.total(from);
        }

        @Override
        public boolean totalTakesARead() {
            return work.totalTakesARead();
        }

        @Override
        public Optional<LedgerEntry> next(BatchContext batch) {
            return work.next(batch);
        }

        @Override
        public LedgerEntry settle(LedgerEntry entry) {
            LedgerEntry settled = work.settle(entry);
            if (!entry.through().step().equals("dry_run")) {
                metrics.deleted(settled.deleted());
            }
            return settled;
        }

        @Override
        public void release(BatchContext last) {
            work.release(last);
        }

        @Override
        public void completed(BatchContext last) {
            work.completed(last);
        }

        @Override
        public void close() {
            work.close();
        }
    }
}
