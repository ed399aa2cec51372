package io.flowhub.gateway.internal;

import io.flowhub.store.audit.AuditOutcome;
import io.flowhub.gateway.job.JobActions;
import io.flowhub.gateway.job.JobLists;
import io.flowhub.gateway.job.JobView;
import io.flowhub.gateway.job.LedgerEntryView;
import io.flowhub.gateway.job.ReceiptView;
import io.flowhub.gateway.job.UndoSubmitter;
import io.flowhub.gateway.system.ConflictException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.engine.Job;
import io.flowhub.engine.Owner;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Map;

/**
 * The jobs of the internal API, behind {@code x-internal-key} (or an ADMIN's token): list everyone's, read one (what
 * a cleanup deleted so far) and its ledger, its erasure receipt once it has finished, and cancel one, which stops it at its next batch boundary with what it deleted kept and
 * counted. A cancel is audited like every destructive internal call.
 */
@RestController
@RequestMapping("/api/v1/internal/jobs")
class InternalJobController {

    private final JobActions actions;
    private final InternalAudit audit;

    InternalJobController(JobActions actions, InternalAudit audit) {
        this.actions = actions;
        this.audit = audit;
    }

    /** Any job's progress as server-sent events, as {@code GET /api/v1/jobs/{id}/events} gives its owner. */
    @GetMapping(path = "/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String jobId, HttpServletRequest request) {
        return actions.events(String.valueOf(request.getAttribute(InternalKeyFilter.CALLER_ATTRIBUTE)),
                actions.find(jobId));
    }

    /** Everyone's jobs, newest first, narrowed by kind, status and owner: what the console lists. */
    @GetMapping
    Envelope<List<JobView>> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String before, @RequestParam(required = false) Integer limit) {
        return Envelope.of(actions.list(JobLists.selection(JobLists.owner(owner), kind, status, before), limit));
    }

    /** A page of any job's ledger: what each batch changed or deleted. */
    @GetMapping("/{jobId}/ledger")
    Envelope<List<LedgerEntryView>> ledger(@PathVariable String jobId, @RequestParam(required = false) Integer after,
            @RequestParam(required = false) Integer limit) {
        return Envelope.of(actions.ledger(actions.find(jobId), after, limit));
    }

    @GetMapping("/{jobId}")
    Envelope<JobView> job(@PathVariable String jobId) {
        return Envelope.of(JobView.of(actions.find(jobId)));
    }

    /** A finished hard delete's erasure receipt: what it deleted, and what a look taken now still finds. */
    @GetMapping("/{jobId}/receipt")
    Envelope<ReceiptView> receipt(@PathVariable String jobId) {
        return Envelope.of(actions.receipt(actions.find(jobId)));
    }

    /** Reverses what a finished job changed (a soft cleanup's deletes, a bulk job's changes), as a new job; audited. */
    @PostMapping("/{jobId}/undo")
    ResponseEntity<Envelope<Void>> undo(@PathVariable String jobId, HttpServletRequest request) {
        var call = audit.call(request, Map.of("job_id", jobId), false);
        Job undo;
        try {
            undo = actions.undo(found(jobId, call), Owner.fromContract(call.caller()), null, call.share());
        } catch (ConflictException e) {
            throw call.audited(e, AuditOutcome.CONFLICT);
        }
        call.record(AuditOutcome.ACCEPTED, null, undo.id().toString());
        return UndoSubmitter.accepted(undo, jobId);
    }

    @PostMapping("/{jobId}/cancel")
    Envelope<JobView> cancel(@PathVariable String jobId, HttpServletRequest request) {
        var call = audit.call(request, Map.of("job_id", jobId), false);
        Job cancelled;
        try {
            cancelled = actions.cancel(found(jobId, call));
        } catch (ConflictException e) {
            throw call.audited(e, AuditOutcome.CONFLICT);
        }
        call.record(AuditOutcome.CANCELLED, cancelled.result(), jobId);
        return Envelope.of(JobView.of(cancelled));
    }

    private Job found(String jobId, InternalAudit.Call call) {
        try {
            return actions.find(jobId);
        } catch (NotFoundException e) {
            throw call.audited(e, AuditOutcome.NOT_FOUND);
        }
    }
}
