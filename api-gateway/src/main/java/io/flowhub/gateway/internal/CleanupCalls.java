package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.events.CleanupCommand;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.JobOutcomeException;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobStatus;
import io.flowhub.engine.plan.Plans;
import io.flowhub.store.policy.EnvironmentPolicy;
import org.bson.types.ObjectId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a cleanup call as a job: records it and sends its command, waits for it (up to {@code wait}
 * seconds, without holding a thread) and answers in the seed system's shape; with
 * {@code Prefer: respond-async}, or when the job outlives the wait, it answers 202 with the job.
 */
@Component
class CleanupCalls {

    static final int DEFAULT_WAIT_SECONDS = 30;
    static final int MAX_WAIT_SECONDS = 300;

    private final CleanupSubmitter submitter;
    private final JobWaiter waiter;
    private final CleanupAnswers answers;
    private final Plans plans;
    private final EnvironmentPolicy policy;

    CleanupCalls(CleanupSubmitter submitter, JobWaiter waiter, CleanupAnswers answers, Plans plans,
            EnvironmentPolicy policy) {
        this.policy = policy;
        this.submitter = submitter;
        this.waiter = waiter;
        this.answers = answers;
        this.plans = plans;
    }

    /**
     * Runs a cleanup call's command as a job and answers in the seed's shape ({@link CleanupAnswers}). A dry
     * run writes nothing but its job; asked with {@code plan=true}, it also freezes its selection as a plan
     * (marks on the items it would touch), in its answer as {@code plan} — never in production.
     *
     * @param plan    whether the caller asked for a plan ({@code plan=true}), which goes with a dry run only
     * @param command the call's command for a job id ({@code null} for a plan's copy) and dry run or not
     */
    DeferredResult<ResponseEntity<?>> run(InternalAudit.Call call, boolean dryRun, boolean plan,
            BiFunction<String, Boolean, CleanupCommand> command, Integer waitSeconds, String prefer) {
        CleanupCommand running = command.apply(new ObjectId().toHexString(), dryRun);
        Map<String, Object> extra = Map.of();
        if (plan) {
            if (!dryRun) {
                throw call.audited(new BadRequestException("plan=true goes with dry_run=true: a plan freezes what a dry"
                        + " run would do, to apply later with POST /api/v1/internal/plans/{planId}/apply"), AuditOutcome.INVALID);
            }
            if (!Plans.plannable(running)) {
                throw call.audited(new BadRequestException("A " + running.operation().wireValue() + " cannot be planned;"
                        + " plans are made for user purges, test-data and run cleanups and permanent deletes"), AuditOutcome.INVALID);
            }
            call.refuseEvenDryRun(policy.refusesPlans());
            extra = Map.of("plan", PlanView.of(plans.create(command.apply(null, false), call.caller())));
        }
        return run(call, running, waitSeconds, prefer, answers.of(running), extra);
    }

    /** @param extra more members of the answer, whether the job finished in time or not (a dry run's plan) */
    DeferredResult<ResponseEntity<?>> run(InternalAudit.Call call, CleanupCommand command, Integer waitSeconds,
            String prefer, Function<CleanupResult, Envelope<?>> answer, Map<String, Object> extra) {
        return follow(call, submitter.submit(command, call.share()), command.dryRun(), waitSeconds, prefer, answer, extra);
    }

    /** Answers for a cleanup job recorded before: as {@link #run} does for the job it starts. */
    DeferredResult<ResponseEntity<?>> follow(InternalAudit.Call call, Job job, boolean dryRun, Integer waitSeconds,
            String prefer, Function<CleanupResult, Envelope<?>> answer, Map<String, Object> extra) {
        Duration wait = wait(waitSeconds, prefer);
        String jobId = job.id().toString();
        Supplier<ResponseEntity<?>> accepted = () -> {
            call.record(AuditOutcome.ACCEPTED, null, jobId);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/internal/jobs/" + jobId))
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .body(with(Envelope.message("Cleanup started").with("job_id", jobId).with("dry_run", dryRun), extra));
        };
        if (wait.isZero()) {
            var now = new DeferredResult<ResponseEntity<?>>();
            now.setResult(accepted.get());
            return now;
        }
        return waiter.await(job.id(), wait, finished -> {
            requireCompleted(call, finished);
            call.record(dryRun ? AuditOutcome.DRY_RUN : AuditOutcome.ALLOWED, finished.result(), jobId);
            return ResponseEntity.ok(with(answer.apply(finished.result()).with("job_id", jobId)
                    .with("dry_run", dryRun), extra));
        }, accepted);
    }

    private static Envelope<?> with(Envelope<?> answer, Map<String, Object> extra) {
        Envelope<?> all = answer;
        for (var member : extra.entrySet()) {
            all = all.with(member.getKey(), member.getValue());
        }
        return all;
    }

    private static void requireCompleted(InternalAudit.Call call, Job finished) {
        String jobId = finished.id().toString();
        if (finished.status() == JobStatus.CANCELLED) {
            call.record(AuditOutcome.CANCELLED, finished.result(), jobId);
            throw new JobOutcomeException(HttpStatus.CONFLICT, "Cleanup cancelled", "The cleanup job was cancelled "
                    + "before it finished; what it deleted until then stays deleted and is counted here",
                    Map.of("job_id", jobId, "job_status", finished.status().wireValue(), "deleted",
                            finished.result().toMap()));
        }
        if (finished.status() != JobStatus.COMPLETED) {
            call.record(AuditOutcome.FAILED, finished.result(), jobId);
            throw new JobOutcomeException(HttpStatus.INTERNAL_SERVER_ERROR, "Cleanup failed",
                    "The cleanup job " + finished.status().wireValue() + ": " + finished.failureReason(),
                    Map.of("job_id", jobId));
        }
    }

    private static Duration wait(Integer seconds, String prefer) {
        if (prefer != null && prefer.toLowerCase().contains("respond-async")) {
            return Duration.ZERO;
        }
        int wait = seconds == null ? DEFAULT_WAIT_SECONDS : seconds;
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new BadRequestException("wait must be from 0 to " + MAX_WAIT_SECONDS + " seconds, not " + wait);
        }
        return Duration.ofSeconds(wait);
    }
}
