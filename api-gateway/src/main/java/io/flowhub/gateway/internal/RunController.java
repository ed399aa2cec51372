package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.events.CleanupRun;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.RunIds;
import io.flowhub.events.SchemaVersion;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.run.RunLeases;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cleanup of one test run, behind {@code x-internal-key}: everything created under the run id
 * (the {@code X-FlowHub-Run} header), whoever created it, and nothing else — so suites running in
 * parallel under their own run ids each remove exactly their own data. A run with nothing left is
 * answered with zero counts, so a suite may clean up before and after it runs alike. A run may have a lease
 * ({@code PUT}), which cleanup-worker's reaper honours: a run whose lease ran out is cleaned up. {@code GET} lists
 * the runs that exist.
 */
@RestController
@RequestMapping("/api/v1/internal/runs")
class RunController {

    /** The longest lease one call may set: a week. */
    static final long MOST_TTL_SECONDS = 7 * 24 * 3600;

    private final CleanupCalls cleanups;
    private final InternalAudit audit;
    private final EnvironmentPolicy policy;
    private final RunLeases leases;
    private final RunDirectory runs;
    private final Clock clock;

    RunController(CleanupCalls cleanups, InternalAudit audit, EnvironmentPolicy policy, RunLeases leases,
            RunDirectory runs, Clock clock) {
        this.leases = leases;
        this.runs = runs;
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

    /** Body of {@code PUT /internal/runs/{runId}}: how long from now the run's lease lasts. */
    record LeaseRequest(Long ttlSeconds) {
    }

    /**
     * Sets the run's lease to end {@code ttl_seconds} from now (a suite renews it while it lives); once it runs out,
     * cleanup-worker cleans the run up. Audited.
     */
    @PutMapping("/{runId}")
    Envelope<RunDirectory.RunView> lease(@PathVariable String runId, @RequestBody(required = false) LeaseRequest body,
            HttpServletRequest request) {
        var call = audit.call(request, Map.of("run_id", runId), false);
        String checked;
        Duration ttl;
        try {
            checked = RunIds.check("run id", runId);
            ttl = ttl(body == null ? null : body.ttlSeconds(), "ttl_seconds");
        } catch (InvalidCommandException | BadRequestException e) {
            throw call.audited(e, AuditOutcome.INVALID);
        }
        var lease = leases.lease(checked, ttl);
        call.record(AuditOutcome.ALLOWED, null, null);
        return Envelope.of(runs.view(checked, lease));
    }

    /** Every run: with a lease, or carried by items or users; what each holds now. */
    @GetMapping
    Envelope<List<RunDirectory.RunView>> list() {
        return Envelope.of(runs.list());
    }

    @GetMapping("/{runId}")
    Envelope<RunDirectory.RunView> show(@PathVariable String runId) {
        String checked = RunIds.check("run id", runId);
        return Envelope.of(runs.find(checked).orElseThrow(() -> new NotFoundException("Run", checked)));
    }

    /** @return the lease's length, from seconds: 1 to a week */
    static Duration ttl(Long seconds, String field) {
        if (seconds == null || seconds < 1 || seconds > MOST_TTL_SECONDS) {
            throw new BadRequestException(field + " must be 1 to " + MOST_TTL_SECONDS + " seconds (a week), not "
                    + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
