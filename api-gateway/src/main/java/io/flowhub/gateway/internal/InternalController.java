package io.flowhub.gateway.internal;

import io.flowhub.events.CleanupByTags;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.PurgeItem;
import io.flowhub.events.PurgeUserData;
import io.flowhub.events.ResetAll;
import io.flowhub.events.SchemaVersion;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobStatus;
import io.flowhub.store.policy.EnvironmentPolicy;
import com.mongodb.client.MongoDatabase;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

/**
 * The internal cleanup API for test suites, behind {@code x-internal-key}. Each destructive call is
 * checked against the environment policy, run as a cleanup job, waited for (up to {@code wait}
 * seconds, without holding a thread) and answered in the seed system's shape; with
 * {@code Prefer: respond-async}, or when the job outlives the wait, it answers 202 with the job.
 * Every call is audited.
 */
@RestController
@RequestMapping("/api/v1/internal")
class InternalController {

    static final int DEFAULT_WAIT_SECONDS = 30;
    static final int MAX_WAIT_SECONDS = 300;

    private final CleanupSubmitter submitter;
    private final JobWaiter waiter;
    private final EnvironmentPolicy policy;
    private final AuditLog audit;
    private final MongoDatabase database;
    private final OtpOutbox otps;
    private final InternalMetrics metrics;
    private final Clock clock;

    InternalController(CleanupSubmitter submitter, JobWaiter waiter, EnvironmentPolicy policy,
            AuditLog audit, MongoDatabase database, OtpOutbox otps, InternalMetrics metrics, Clock clock) {
        this.submitter = submitter;
        this.waiter = waiter;
        this.policy = policy;
        this.audit = audit;
        this.database = database;
        this.otps = otps;
        this.metrics = metrics;
        this.clock = clock;
    }

    @DeleteMapping("/users/{userId}/data")
    DeferredResult<ResponseEntity<?>> purgeUserData(@PathVariable String userId, HttpServletRequest request,
            @RequestParam(name = "include_otp", defaultValue = "true") boolean includeOtp,
            @RequestParam(name = "include_activity_logs", defaultValue = "true") boolean includeActivityLogs,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        ObjectId user = ObjectIds.parse("user id", userId);
        var call = new Call(request, Map.of("user_id", userId, "include_otp", includeOtp,
                "include_activity_logs", includeActivityLogs), dryRun);
        boolean userExists = database.getCollection(CollectionNames.USERS).find(eq("_id", user)).first() != null;
        // why: a user whose record is gone (a reset, a direct delete) may still own data, which only this removes
        if (!userExists && !ownsAnything(user)) {
            throw call.audited(new NotFoundException("User", userId), "not found");
        }
        call.requireAllowed(policy.refusesHardDelete());
        var command = new PurgeUserData(SchemaVersion.CURRENT, UUID.randomUUID(), new ObjectId().toHexString(),
                call.caller(), dryRun, userId, includeOtp, includeActivityLogs, clock.instant());
        return run(call, command, wait, prefer, result -> body(
                "deleted", counts(result, "items", "files", "bulk_jobs", "activity_logs", "otps"),
                "preserved", Map.of("user", userExists)));
    }

    /** @return whether anything but the user record names this user: items, jobs or activity */
    private boolean ownsAnything(ObjectId user) {
        return database.getCollection(CollectionNames.ITEMS).find(eq("created_by", user)).projection(include("_id"))
                .first() != null
                || database.getCollection(CollectionNames.JOBS).find(eq("owner_id", user.toHexString()))
                .projection(include("_id")).first() != null
                || database.getCollection(CollectionNames.ACTIVITY_LOGS).find(eq("user_id", user))
                .projection(include("_id")).first() != null;
    }

    @PostMapping("/cleanup-test-data")
    DeferredResult<ResponseEntity<?>> cleanupTestData(@RequestBody(required = false) CleanupTestDataRequest body,
            HttpServletRequest request,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRunParam,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        var given = body == null ? new CleanupTestDataRequest(null, null, null, null, null, null) : body;
        boolean hardDelete = given.hardDelete() == null || given.hardDelete();
        boolean dryRun = dryRunParam || Boolean.TRUE.equals(given.dryRun());
        var params = new LinkedHashMap<String, Object>();
        params.put("tags", given.tags());
        params.put("hard_delete", hardDelete);
        params.put("user_id", given.userId());
        params.put("created_before", given.createdBefore());
        params.put("test_data", given.testData());
        var call = new Call(request, params, dryRun);
        if (given.userId() != null) {
            ObjectIds.parse("user_id", given.userId());
        }
        CleanupByTags command;
        try {
            command = new CleanupByTags(SchemaVersion.CURRENT, UUID.randomUUID(), new ObjectId().toHexString(),
                    call.caller(), dryRun, given.tags(), given.testData(), given.userId(), given.createdBefore(),
                    hardDelete, clock.instant());
        } catch (InvalidCommandException e) {
            throw call.audited(e, "invalid");
        }
        if (hardDelete) {
            call.requireAllowed(policy.refusesHardDelete());
        }
        String method = hardDelete ? "hard_delete" : "soft_delete";
        return run(call, command, wait, prefer, result -> body("deleted_count", result.getOrDefault("items", 0L),
                "method", method, "files", result.getOrDefault("files", 0L)));
    }

    @DeleteMapping("/items/{itemId}/permanent")
    DeferredResult<ResponseEntity<?>> purgeItem(@PathVariable String itemId, HttpServletRequest request,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        ObjectId item = ObjectIds.parse("item id", itemId);
        var call = new Call(request, Map.of("item_id", itemId), dryRun);
        if (database.getCollection(CollectionNames.ITEMS).find(eq("_id", item)).first() == null) {
            throw call.audited(new NotFoundException("Item", itemId), "not found");
        }
        call.requireAllowed(policy.refusesHardDelete());
        var command = new PurgeItem(SchemaVersion.CURRENT, UUID.randomUUID(), new ObjectId().toHexString(), call.caller(),
                dryRun, itemId, clock.instant());
        return run(call, command, wait, prefer, result -> body("message", dryRun ? "Item would be deleted permanently"
                : "Item deleted permanently", "deleted", counts(result, "items", "files")));
    }

    @PostMapping("/reset")
    DeferredResult<ResponseEntity<?>> reset(HttpServletRequest request,
            @RequestParam(name = "preserve_admins", defaultValue = "false") boolean preserveAdmins,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) Integer wait,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        var call = new Call(request, Map.of("preserve_admins", preserveAdmins), dryRun);
        call.requireAllowed(policy.refusesFullReset());
        var command = new ResetAll(SchemaVersion.CURRENT, UUID.randomUUID(), new ObjectId().toHexString(), call.caller(),
                dryRun, preserveAdmins, clock.instant());
        return run(call, command, wait, prefer, result -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("message", dryRun ? "Database would be wiped" : "Database wiped successfully");
            data.putAll(counts(result, "users", "items", "otps", "bulk_jobs", "activity_logs", "files"));
            return body("data", data);
        });
    }

    @GetMapping("/otps/latest")
    Map<String, Object> latestOtp(@RequestParam String email, HttpServletRequest request) {
        var call = new Call(request, Map.of("email", email), false);
        Document latest = otps.latest(email).orElseThrow(() -> call.audited(
                new NotFoundException("One-time code for", email), "not found"));
        call.record("allowed", null, null);
        return Map.of("status", "success", "data", Map.of("email", latest.getString("email"),
                "code", latest.getString("code"), "expires_at", latest.getDate("expires_at").toInstant()));
    }

    @GetMapping("/audit")
    Map<String, Object> auditLog(@RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        if (limit < 1 || limit > 1_000) {
            throw new BadRequestException("limit must be from 1 to 1000, not " + limit);
        }
        new Call(request, Map.of("limit", limit), false).record("allowed", null, null);
        return Map.of("status", "success", "data", audit.newest(limit).stream().map(entry -> {
            entry.put("_id", entry.getObjectId("_id").toHexString());
            return entry;
        }).toList());
    }

    private DeferredResult<ResponseEntity<?>> run(Call call, CleanupCommand command, Integer waitSeconds, String prefer,
            Function<Map<String, Long>, Map<String, Object>> answer) {
        Duration wait = wait(waitSeconds, prefer);
        Job job = submitter.submit(command);
        String jobId = job.id().toHexString();
        Supplier<ResponseEntity<?>> accepted = () -> {
            call.record("accepted", null, jobId);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/internal/jobs/" + jobId))
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .body(Map.of("status", "success", "job_id", jobId, "message", "Cleanup started",
                            "dry_run", command.dryRun()));
        };
        if (wait.isZero()) {
            var now = new DeferredResult<ResponseEntity<?>>();
            now.setResult(accepted.get());
            return now;
        }
        return waiter.await(job.id(), wait, finished -> {
            if (finished.status() == JobStatus.CANCELLED) {
                call.record("cancelled", finished.result(), jobId);
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The cleanup job was "
                        + "cancelled before it finished; what it deleted until then stays deleted and is counted here");
                problem.setTitle("Cleanup cancelled");
                problem.setProperty("job_id", jobId);
                problem.setProperty("job_status", finished.status().wireValue());
                problem.setProperty("deleted", finished.result());
                return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
            if (finished.status() != JobStatus.COMPLETED) {
                call.record("failed", finished.result(), jobId);
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                        "The cleanup job " + finished.status().wireValue() + ": " + finished.failureReason());
                problem.setTitle("Cleanup failed");
                problem.setProperty("job_id", jobId);
                return ResponseEntity.internalServerError().body(problem);
            }
            call.record(command.dryRun() ? "dry_run" : "allowed", finished.result(), jobId);
            var body = new LinkedHashMap<String, Object>();
            body.put("status", "success");
            body.putAll(answer.apply(finished.result()));
            body.put("job_id", jobId);
            body.put("dry_run", command.dryRun());
            return ResponseEntity.ok(body);
        }, accepted);
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

    private static Map<String, Long> counts(Map<String, Long> result, String... names) {
        var counts = new LinkedHashMap<String, Long>();
        for (String name : names) {
            counts.put(name, result.getOrDefault(name, 0L));
        }
        return counts;
    }

    private static Map<String, Object> body(Object... pairs) {
        var body = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    /** One internal call, for its audit entry. */
    private final class Call {

        private final String endpoint;
        private final String caller;
        private final Map<String, Object> params;
        private final boolean dryRun;

        Call(HttpServletRequest request, Map<String, Object> params, boolean dryRun) {
            this.endpoint = request.getMethod() + " " + request.getRequestURI();
            this.caller = String.valueOf(request.getAttribute(InternalKeyFilter.CALLER_ATTRIBUTE));
            this.params = params;
            this.dryRun = dryRun;
        }

        String caller() {
            return caller;
        }

        void requireAllowed(Optional<String> refusal) {
            if (refusal.isPresent() && !dryRun) {
                record("denied: policy", null, null);
                throw new PolicyDeniedException(refusal.get());
            }
        }

        RuntimeException audited(RuntimeException e, String outcome) {
            record(outcome, null, null);
            return e;
        }

        void record(String outcome, Map<String, Long> counts, String jobId) {
            audit.record(new AuditLog.AuditEntry(endpoint, caller, policy.environment().wireValue(), params, outcome,
                    counts == null ? null : new LinkedHashMap<>(counts), dryRun, jobId));
            metrics.audited(outcome);
        }
    }
}
