package io.flowhub.gateway.job;

import io.flowhub.gateway.limit.Shares;
import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.user.Caller;
import io.flowhub.engine.Job;
import io.flowhub.engine.Owner;
import io.flowhub.store.user.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/**
 * Job polling, listing, cancelling and streaming. {@code /bulk-operations/{id}} is the seed
 * system's address for the same view.
 */
@RestController
class JobController {

    private final JobActions actions;
    private final JobAccess access;
    private final Shares shares;

    JobController(JobActions actions, JobAccess access, Shares shares) {
        this.actions = actions;
        this.access = access;
        this.shares = shares;
    }

    @GetMapping({"/api/v1/jobs/{jobId}", "/api/v1/bulk-operations/{jobId}"})
    Envelope<JobView> get(Caller caller, @PathVariable String jobId) {
        return Envelope.of(JobView.of(access.visibleJob(caller, jobId)));
    }

    @GetMapping("/api/v1/jobs")
    Envelope<List<JobView>> list(Caller caller, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String before,
            @RequestParam(required = false) Integer limit) {
        return Envelope.of(actions.list(JobLists.selection(Owner.user(caller.userId()), kind, status, before), limit));
    }

    /** A page of one of the caller's jobs' ledger (an ADMIN's: any job's): what each batch changed. */
    @GetMapping("/api/v1/jobs/{jobId}/ledger")
    Envelope<List<LedgerEntryView>> ledger(Caller caller, @PathVariable String jobId,
            @RequestParam(required = false) Integer after, @RequestParam(required = false) Integer limit) {
        return Envelope.of(actions.ledger(access.visibleJob(caller, jobId), after, limit));
    }

    /** Stops a queued or running job at its next batch boundary; the counts so far stay. */
    @PostMapping("/api/v1/jobs/{jobId}/cancel")
    Envelope<JobView> cancel(Caller caller, @PathVariable String jobId) {
        return Envelope.of(JobView.of(actions.cancel(access.visibleJob(caller, jobId))));
    }

    /**
     * Reverses what one of the caller's finished jobs changed (an ADMIN's: any job's), as a new job:
     * 202 with it. An EDITOR's undo changes only the EDITOR's own items.
     */
    @PostMapping("/api/v1/jobs/{jobId}/undo")
    ResponseEntity<Envelope<Void>> undo(Caller caller, @PathVariable String jobId) {
        Job undo = actions.undo(access.visibleJob(caller, jobId), Owner.user(caller.userId()),
                caller.is(Role.ADMIN) ? null : caller.userId(), shares.of(caller));
        return UndoSubmitter.accepted(undo, jobId);
    }

    /** The erasure receipt of one of the caller's finished hard deletes (an ADMIN's: any job's). */
    @GetMapping("/api/v1/jobs/{jobId}/receipt")
    Envelope<ReceiptView> receipt(Caller caller, @PathVariable String jobId) {
        return Envelope.of(actions.receipt(access.visibleJob(caller, jobId)));
    }

    @GetMapping(path = "/api/v1/jobs/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Caller caller, @PathVariable String jobId) {
        return actions.events(caller.id().toHexString(), access.visibleJob(caller, jobId));
    }
}
