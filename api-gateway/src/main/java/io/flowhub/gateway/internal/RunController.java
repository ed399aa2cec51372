package io.flowhub.gateway.internal;

import io.flowhub.events.CleanupRun;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.RunIds;
import io.flowhub.events.SchemaVersion;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.store.job.CleanupResult.Count;
import io.flowhub.store.policy.EnvironmentPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.types.ObjectId;
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
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        var call = audit.call(request, Map.of("run_id", runId, "hard_delete", hardDelete), dryRun);
        CleanupRun command;
        try {
            command = new CleanupRun(SchemaVersion.CURRENT, UUID.randomUUID(), new ObjectId().toHexString(),
                    call.caller(), dryRun, RunIds.check("run id", runId), hardDelete, clock.instant());
        } catch (InvalidCommandException e) {
            throw call.audited(e, "invalid");
        }
        if (hardDelete) {
            call.requireAllowed(policy.refusesHardDelete());
        }
        String method = hardDelete ? "hard_delete" : "soft_delete";
        return cleanups.run(call, command, wait, prefer, result -> Envelope.success().with("run_id", runId)
                .with("deleted", result.select(Count.ITEMS, Count.FILES)).with("method", method));
    }
}
