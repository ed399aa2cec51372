package io.flowhub.gateway.internal;

import io.flowhub.gateway.job.JobLists;
import io.flowhub.gateway.job.JobProgressStream;
import io.flowhub.gateway.job.JobView;
import io.flowhub.gateway.job.LedgerEntryView;
import io.flowhub.gateway.job.ReceiptView;
import io.flowhub.gateway.job.RemainsElsewhere;
import io.flowhub.gateway.job.UndoSubmitter;
import io.flowhub.gateway.system.ConflictException;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.JobId;
import io.flowhub.store.erasure.ErasureReceipts;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobLedger;
import io.flowhub.store.job.JobQueries;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.Owner;
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

    private final JobStore jobs;
    private final InternalAudit audit;
    private final ErasureReceipts receipts;
    private final UndoSubmitter undos;
    private final JobProgressStream stream;
    private final JobQueries queries;
    private final JobLedger ledger;
    private final RemainsElsewhere elsewhere;

    InternalJobController(JobStore jobs, InternalAudit audit, ErasureReceipts receipts, UndoSubmitter undos,
            JobProgressStream stream, JobQueries queries, JobLedger ledger, RemainsElsewhere elsewhere) {
        this.elsewhere = elsewhere;
        this.queries = queries;
        this.ledger = ledger;
        this.jobs = jobs;
        this.audit = audit;
        this.receipts = receipts;
        this.undos = undos;
        this.stream = stream;
    }

    /** Any job's progress as server-sent events, as {@code GET /api/v1/jobs/{id}/events} gives its owner. */
    @GetMapping(path = "/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String jobId, HttpServletRequest request) {
        Job job = jobs.find(JobId.parse(jobId)).orElseThrow(() -> new NotFoundException("Job", jobId));
        return stream.open(String.valueOf(request.getAttribute(InternalKeyFilter.CALLER_ATTRIBUTE)), job.id());
    }

    /** Everyone's jobs, newest first, narrowed by kind, status and owner: what the console lists. */
    @GetMapping
    Envelope<List<JobView>> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String before, @RequestParam(required = false) Integer limit) {
        var selection = JobLists.selection(JobLists.owner(owner), kind, status, before);
        return Envelope.of(queries.list(selection, JobLists.limit(limit)).stream().map(JobView::of).toList());
    }

    /** A page of any job's ledger: what each batch changed or deleted. */
    @GetMapping("/{jobId}/ledger")
    Envelope<List<LedgerEntryView>> ledger(@PathVariable String jobId, @RequestParam(required = false) Integer after,
            @RequestParam(required = false) Integer limit) {
        return Envelope.of(LedgerEntryView.page(ledger, jobs.find(JobId.parse(jobId))
                .orElseThrow(() -> new NotFoundException("Job", jobId)), after, limit));
    }

    @GetMapping("/{jobId}")
    Envelope<JobView> job(@PathVariable String jobId) {
        return Envelope.of(JobView.of(jobs.find(JobId.parse(jobId))
                .orElseThrow(() -> new NotFoundException("Job", jobId))));
    }

    /** A finished hard delete's erasure receipt: what it deleted, and what a look taken now still finds. */
    @GetMapping("/{jobId}/receipt")
    Envelope<ReceiptView> receipt(@PathVariable String jobId) {
        Job job = jobs.find(JobId.parse(jobId)).orElseThrow(() -> new NotFoundException("Job", jobId));
        return Envelope.of(ReceiptView.of(receipts.of(job), elsewhere.of(job)));
    }

    /** Reverses what a finished job changed (a soft cleanup's deletes, a bulk job's changes), as a new job; audited. */
    @PostMapping("/{jobId}/undo")
    ResponseEntity<Envelope<Void>> undo(@PathVariable String jobId, HttpServletRequest request) {
        JobId id = JobId.parse(jobId);
        var call = audit.call(request, Map.of("job_id", jobId), false);
        Job found = jobs.find(id).orElseThrow(() -> call.audited(new NotFoundException("Job", jobId), "not found"));
        Job undo;
        try {
            undo = undos.undo(found, Owner.fromContract(call.caller()), null, call.share());
        } catch (ConflictException e) {
            throw call.audited(e, "conflict");
        }
        call.record("accepted", null, undo.id().toString());
        return UndoSubmitter.accepted(undo, jobId);
    }

    @PostMapping("/{jobId}/cancel")
    Envelope<JobView> cancel(@PathVariable String jobId, HttpServletRequest request) {
        JobId id = JobId.parse(jobId);
        var call = audit.call(request, Map.of("job_id", jobId), false);
        Job found = jobs.find(id).orElseThrow(() -> call.audited(new NotFoundException("Job", jobId), "not found"));
        Job cancelled = jobs.cancel(id).orElseThrow(() -> call.audited(
                new ConflictException("Job " + jobId + " is " + jobs.find(id).map(job -> job.status().wireValue())
                        .orElse(found.status().wireValue()) + "; only a queued or running job can be cancelled"),
                "conflict"));
        call.record("cancelled", cancelled.result(), jobId);
        return Envelope.of(JobView.of(cancelled));
    }
}
