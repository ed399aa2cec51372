package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.PurgeItem;
import io.flowhub.events.PurgeUserData;
import io.flowhub.events.ResetAll;
import io.flowhub.events.SchemaVersion;
import io.flowhub.gateway.system.ConflictException;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.ObjectIds;
import io.flowhub.engine.item.Holds;
import io.flowhub.store.policy.EnvironmentPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.types.ObjectId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The internal cleanup API for test suites, behind {@code x-internal-key}: a user's data, test data
 * by tags, one item, everything. Each call is checked against the environment policy, audited, and
 * run as a cleanup job ({@link CleanupCalls}).
 */
@RestController
@RequestMapping("/api/v1/internal")
class CleanupController {

    private final CleanupCalls cleanups;
    private final CleanupTargets targets;
    private final InternalAudit audit;
    private final EnvironmentPolicy policy;
    private final Holds holds;
    private final Clock clock;

    CleanupController(CleanupCalls cleanups, CleanupTargets targets, InternalAudit audit, EnvironmentPolicy policy,
            Holds holds, Clock clock) {
        this.holds = holds;
        this.cleanups = cleanups;
        this.targets = targets;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @DeleteMapping("/users/{userId}/data")
    DeferredResult<ResponseEntity<?>> purgeUserData(@PathVariable String userId, HttpServletRequest request,
            @RequestParam(name = "include_otp", defaultValue = "true") boolean includeOtp,
            @RequestParam(name = "include_activity_logs", defaultValue = "true") boolean includeActivityLogs,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(name = "plan", defaultValue = "false") boolean plan,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        ObjectId user = ObjectIds.parse("user id", userId);
        var call = audit.call(request, Map.of("user_id", userId, "include_otp", includeOtp,
                "include_activity_logs", includeActivityLogs), dryRun);
        // why: a user whose record is gone (a reset, a direct delete) may still own data, which only this removes
        if (!targets.userExists(user) && !targets.ownsAnything(user)) {
            throw call.audited(new NotFoundException("User", userId), AuditOutcome.NOT_FOUND);
        }
        call.requireAllowed(policy.refusesHardDelete());
        return cleanups.run(call, dryRun, plan, (jobId, dry) -> new PurgeUserData(SchemaVersion.CURRENT, UUID.randomUUID(),
                jobId, call.caller(), dry, userId, includeOtp, includeActivityLogs, clock.instant()), wait, prefer);
    }

    @PostMapping("/cleanup-test-data")
    DeferredResult<ResponseEntity<?>> cleanupTestData(@RequestBody(required = false) CleanupTestDataRequest body,
            HttpServletRequest request,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRunParam,
            @RequestParam(name = "plan", defaultValue = "false") boolean plan,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        var given = body == null ? new CleanupTestDataRequest(null, null, null, null, null, null, null) : body;
        boolean hardDelete = given.hardDelete() == null || given.hardDelete();
        boolean dryRun = dryRunParam || Boolean.TRUE.equals(given.dryRun());
        var params = new LinkedHashMap<String, Object>();
        params.put("tags", given.tags());
        params.put("hard_delete", hardDelete);
        params.put("user_id", given.userId());
        params.put("created_before", given.createdBefore());
        params.put("test_data", given.testData());
        params.put("run_id", given.runId());
        var call = audit.call(request, params, dryRun);
        if (given.userId() != null) {
            ObjectIds.parse("user_id", given.userId());
        }
        BiFunction<String, Boolean, CleanupCommand> cleanup = (jobId, dry) -> new CleanupByTags(SchemaVersion.CURRENT,
                UUID.randomUUID(), jobId, call.caller(), dry, given.tags(), given.testData(), given.userId(),
                given.createdBefore(), hardDelete, clock.instant(), given.runId());
        try {
            // why: the contract's own checks, before anything is recorded or audited as allowed
            cleanup.apply(null, dryRun);
        } catch (InvalidCommandException e) {
            throw call.audited(e, AuditOutcome.INVALID);
        }
        if (hardDelete) {
            call.requireAllowed(policy.refusesHardDelete());
        }
        return cleanups.run(call, dryRun, plan, cleanup, wait, prefer);
    }

    @DeleteMapping("/items/{itemId}/permanent")
    DeferredResult<ResponseEntity<?>> purgeItem(@PathVariable String itemId, HttpServletRequest request,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(name = "plan", defaultValue = "false") boolean plan,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        ObjectId item = ObjectIds.parse("item id", itemId);
        var call = audit.call(request, Map.of("item_id", itemId), dryRun);
        if (!targets.itemExists(item)) {
            throw call.audited(new NotFoundException("Item", itemId), AuditOutcome.NOT_FOUND);
        }
        call.requireAllowed(policy.refusesHardDelete());
        return cleanups.run(call, dryRun, plan, (jobId, dry) -> new PurgeItem(SchemaVersion.CURRENT, UUID.randomUUID(), jobId,
                call.caller(), dry, itemId, clock.instant()), wait, prefer);
    }

    @PostMapping("/reset")
    DeferredResult<ResponseEntity<?>> reset(HttpServletRequest request,
            @RequestParam(name = "preserve_admins", defaultValue = "false") boolean preserveAdmins,
            @RequestParam(name = "ignore_holds", defaultValue = "false") boolean ignoreHolds,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(name = "plan", defaultValue = "false") boolean plan,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        var call = audit.call(request, Map.of("preserve_admins", preserveAdmins, "ignore_holds", ignoreHolds), dryRun);
        call.requireAllowed(policy.refusesFullReset());
        long held = holds.count();
        if (held > 0 && !ignoreHolds && !dryRun) {
            throw call.audited(new ConflictException(held + " holds keep items (GET /api/v1/internal/holds): release"
                    + " them, or reset with ignore_holds=true to wipe the held items too"), AuditOutcome.HELD);
        }
        return cleanups.run(call, dryRun, plan, (jobId, dry) -> new ResetAll(SchemaVersion.CURRENT, UUID.randomUUID(), jobId,
                call.caller(), dry, preserveAdmins, clock.instant(), ignoreHolds), wait, prefer);
    }
}
