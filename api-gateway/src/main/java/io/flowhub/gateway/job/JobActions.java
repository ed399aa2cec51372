package io.flowhub.gateway.job;

import io.flowhub.gateway.limit.Share;
import io.flowhub.gateway.system.ConflictException;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.JobId;
import io.flowhub.store.UserId;
import io.flowhub.engine.erasure.ErasureReceipts;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.JobQueries;
import io.flowhub.engine.JobSelection;
import io.flowhub.engine.JobStore;
import io.flowhub.engine.Owner;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/**
 * What the job endpoints do, once for the user API ({@code /api/v1/jobs}) and the internal one
 * ({@code /api/v1/internal/jobs}): those differ only in which jobs a caller may name and in the
 * internal API's audit.
 */
@Component
public class JobActions {

    private final JobStore jobs;
    private final JobQueries queries;
    private final JobLedger ledger;
    private final ErasureReceipts receipts;
    private final RemainsElsewhere elsewhere;
    private final UndoSubmitter undos;
    private final JobProgressStream stream;

    JobActions(JobStore jobs, JobQueries queries, JobLedger ledger, ErasureReceipts receipts,
            RemainsElsewhere elsewhere, UndoSubmitter undos, JobProgressStream stream) {
        this.jobs = jobs;
        this.queries = queries;
        this.ledger = ledger;
        this.receipts = receipts;
        this.elsewhere = elsewhere;
        this.undos = undos;
        this.stream = stream;
    }

    /** @throws NotFoundException when there is no such job */
    public Job find(String jobId) {
        return jobs.find(JobId.parse(jobId)).orElseThrow(() -> new NotFoundException("Job", jobId));
    }

    public List<JobView> list(JobSelection selection, Integer limit) {
        return queries.list(selection, JobLists.limit(limit)).stream().map(JobView::of).toList();
    }

    /** @return a page of the job's ledger: what each batch changed or deleted */
    public List<LedgerEntryView> ledger(Job job, Integer after, Integer limit) {
        return LedgerEntryView.page(ledger, job, after, limit);
    }

    /**
     * Stops a queued or running job at its next batch boundary; the counts so far stay.
     *
     * @throws ConflictException when the job has ended (or is gone), saying so
     */
    public Job cancel(Job job) {
        return jobs.cancel(job.id()).orElseThrow(() -> new ConflictException("Job " + job.id() + " is "
                + jobs.find(job.id()).map(found -> found.status().wireValue()).orElse("gone")
                + "; only a queued or running job can be cancelled"));
    }

    /**
     * @param restrictTo the user whose items alone the undo may change, or {@code null} for any item
     * @return the undo job, accepted (or the one asked for before)
     */
    public Job undo(Job job, Owner owner, UserId restrictTo, Share share) {
        return undos.undo(job, owner, restrictTo, share);
    }

    /** @return the erasure receipt of a finished hard delete, with what remains elsewhere */
    public ReceiptView receipt(Job job) {
        return ReceiptView.of(receipts.of(job), elsewhere.of(job));
    }

    /** @param caller whose stream it is, for the per-caller limit */
    public SseEmitter events(String caller, Job job) {
        return stream.open(caller, job.id());
    }
}
