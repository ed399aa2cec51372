package io.flowhub.gateway.internal;

import io.flowhub.gateway.system.ConflictException;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.policy.EnvironmentPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.types.ObjectId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jobs of the internal API, behind {@code x-internal-key}: read one (what a cleanup deleted so
 * far), and cancel one, which stops it at its next batch boundary with what it deleted kept and
 * counted. A cancel is audited like every destructive internal call.
 */
@RestController
@RequestMapping("/api/v1/internal/jobs")
class InternalJobController {

    private final JobStore jobs;
    private final AuditLog audit;
    private final EnvironmentPolicy policy;
    private final InternalMetrics metrics;

    InternalJobController(JobStore jobs, AuditLog audit, EnvironmentPolicy policy, InternalMetrics metrics) {
        this.jobs = jobs;
        this.audit = audit;
        this.policy = policy;
        this.metrics = metrics;
    }

    @GetMapping("/{jobId}")
    Map<String, Object> job(@PathVariable String jobId) {
        Job job = jobs.find(ObjectIds.parse("job id", jobId)).orElseThrow(() -> new NotFoundException("Job", jobId));
        var data = new LinkedHashMap<String, Object>();
        data.put("job_id", jobId);
        data.put("operation", job.operation());
        data.put("status", job.status().wireValue());
        data.put("dry_run", job.dryRun());
        data.put("progress", job.progress());
        data.put("processed", job.counts().processed());
        data.put("result", job.result());
        data.put("failure_reason", job.failureReason());
        return Map.of("status", "success", "data", data);
    }

    @PostMapping("/{jobId}/cancel")
    Map<String, Object> cancel(@PathVariable String jobId, HttpServletRequest request) {
        ObjectId id = ObjectIds.parse("job id", jobId);
        Job found = jobs.find(id).orElseThrow(() -> audited(request, jobId, "not found",
                new NotFoundException("Job", jobId)));
        Job cancelled = jobs.cancel(id).orElseThrow(() -> audited(request, jobId, "conflict",
                new ConflictException("Job " + jobId + " is " + jobs.find(id).map(job -> job.status().wireValue())
                        .orElse(found.status().wireValue()) + "; only a queued or running job can be cancelled")));
        record(request, jobId, "cancelled", new LinkedHashMap<>(cancelled.result()));
        return job(jobId);
    }

    private RuntimeException audited(HttpServletRequest request, String jobId, String outcome, RuntimeException e) {
        record(request, jobId, outcome, null);
        return e;
    }

    private void record(HttpServletRequest request, String jobId, String outcome, Map<String, Object> counts) {
        audit.record(new AuditLog.AuditEntry(request.getMethod() + " " + request.getRequestURI(),
                String.valueOf(request.getAttribute(InternalKeyFilter.CALLER_ATTRIBUTE)),
                policy.environment().wireValue(), Map.of("job_id", jobId), outcome, counts, false, jobId));
        metrics.audited(outcome);
    }
}
