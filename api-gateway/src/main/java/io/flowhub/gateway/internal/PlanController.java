package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.events.ApplyPlan;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.SchemaVersion;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.GoneException;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.JobId;
import io.flowhub.store.ObjectIds;
import io.flowhub.engine.CleanupResult.Count;
import io.flowhub.engine.CleanupResult;
import io.flowhub.engine.JobStore;
import io.flowhub.engine.plan.Plan;
import io.flowhub.engine.plan.Plans;
import io.flowhub.store.policy.EnvironmentPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.types.ObjectId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code POST /internal/plans/{planId}/apply}: do what a dry run planned and nothing else — never an
 * item created after the plan; an item gone since is skipped and counted as {@code gone}. The answer
 * is the planned call's, sync or {@code Prefer: respond-async} alike. Applying a plan again answers
 * with its first apply's job; an expired plan is 410.
 */
@RestController
@RequestMapping("/api/v1/internal/plans")
class PlanController {

    private final Plans plans;
    private final JobStore jobs;
    private final CleanupCalls cleanups;
    private final CleanupSubmitter submitter;
    private final CleanupAnswers answers;
    private final InternalAudit audit;
    private final EnvironmentPolicy policy;
    private final Clock clock;

    PlanController(Plans plans, JobStore jobs, CleanupCalls cleanups, CleanupSubmitter submitter,
            CleanupAnswers answers, InternalAudit audit, EnvironmentPolicy policy, Clock clock) {
        this.plans = plans;
        this.jobs = jobs;
        this.cleanups = cleanups;
        this.submitter = submitter;
        this.answers = answers;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @PostMapping("/{planId}/apply")
    DeferredResult<ResponseEntity<?>> apply(@PathVariable String planId, HttpServletRequest request,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        ObjectId id = ObjectIds.parse("plan id", planId);
        var call = audit.call(request, Map.of("plan_id", planId), false);
        Plan plan = plans.find(id).orElseThrow(() -> call.audited(new NotFoundException("Plan", planId), AuditOutcome.NOT_FOUND));
        if (plan.isExpired(clock.instant())) {
            throw call.audited(new GoneException("Plan " + planId + " expired at " + plan.expiresAt()
                    + "; make a new one with a dry run of the call"), AuditOutcome.EXPIRED);
        }
        CleanupCommand planned = ContractJson.mapper().readValue(plan.commandJson(), CleanupCommand.class);
        if (planned.deletesForGood()) {
            call.requireAllowed(policy.refusesHardDelete());
        }
        JobId candidate = new JobId(new ObjectId());
        JobId applying = plans.claim(plan, candidate);
        var command = new ApplyPlan(SchemaVersion.CURRENT, UUID.randomUUID(), applying.toString(), call.caller(),
                planId, planned, clock.instant());
        // why: the first apply's job, or this one; recorded again (a no-op) in case the first apply claimed the
        // plan and died before its job was
        var job = jobs.find(applying).orElseGet(() -> submitter.submit(command, call.share()));
        Function<CleanupResult, Envelope<?>> answer = result -> answers.of(planned).apply(result)
                .with("plan_id", planId)
                .with("skipped", Map.of("gone", Math.max(0, plan.items() - result.get(Count.ITEMS))));
        return cleanups.follow(call, job, false, wait, prefer, answer, Map.of("plan_id", planId));
    }
}
