package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.events.CleanupRun;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.RunIds;
import io.flowhub.events.SchemaVersion;
import io.flowhub.store.policy.EnvironmentPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The cleanup of one test run, behind {@code x-internal-key}: everything created under the run id
 * (the {@code X-FlowHub-Run} header), whoever created it, and nothing else — so suites running in
 * parallel under their own run ids each remove exactly their own data. A run with nothing left is
 * answered with zero counts, so a suite may clean up before and after it runs alike.
 */
@RestController
@RequestMapping("/api/v1/internal/runs")
class RunController {

    private final CleanupCalls cleanups;
    private final InternalAudit audit;
    private final EnvironmentPolicy policy;
    private final Clock clock;

    RunController(CleanupCalls cleanups, InternalAudit audit, EnvironmentPolicy policy, Clock clock) {
        this.cleanups = cleanups;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @DeleteMapping("/{runId}")
    DeferredResult<ResponseEntity<?>> cleanupRun(@PathVariable String runId, HttpServletRequest request,
            @RequestParam(name = "hard_delete", defaultValue = "true") boolean hardDelete,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(name = "plan", defaultValue = "false") boolean plan,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        var call = audit.call(request, Map.of("run_id", runId, "hard_delete", hardDelete), dryRun);
        String checked;
        try {
            checked = RunIds.check("run id", runId);
        } catch (InvalidCommandException e) {
            throw call.audited(e, AuditOutcome.INVALID);
        }
        if (hardDelete) {
            call.requireAllowed(policy.refusesHardDelete());
        }
        return cleanups.run(call, dryRun, plan, (jobId, dry) -> new CleanupRun(SchemaVersion.CURRENT, UUID.randomUUID(), jobId,
                call.caller(), dry, checked, hardDelete, clock.instant()), wait, prefer);
    }
}
