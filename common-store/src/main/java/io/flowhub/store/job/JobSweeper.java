package io.flowhub.store.job;

import io.flowhub.store.JobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Sends a job's stored command again when nobody is working on it: a running job whose worker has
 * not reported for longer than the lease (killed, hung, cut off), and a queued job whose command
 * never reached Kafka (still held in the {@link JobOutbox}: its producer died between recording it
 * and publishing, or Kafka was down). Each is sent at most once per lease or grace; a live worker then
 * takes the job over and resumes it from its checkpoint. Sending one twice is harmless: a command is
 * run by at most one worker at a time, and a finished one is dropped. It also counts in the batches that a job
 * cancelled or failed while its worker was dead had recorded and not counted.
 */
public class JobSweeper {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);
    private static final int PER_SWEEP = 100;

    private final JobStore jobs;
    private final JobQueries queries;
    private final JobOutbox outbox;
    private final JobLedger ledger;
    private final JobMetrics metrics;
    private final JobWorker worker;

    public JobSweeper(JobStore jobs, JobQueries queries, JobOutbox outbox, JobLedger ledger, JobMetrics metrics,
            JobWorker worker) {
        this.jobs = jobs;
        this.queries = queries;
        this.outbox = outbox;
        this.ledger = ledger;
        this.metrics = metrics;
        this.worker = worker;
    }

    /** @param send the kind's command topic */
    public void sweep(CommandTopic send) {
        for (Job job : queries.findAbandoned(worker.kind(), worker.lease(), PER_SWEEP)) {
            if (resumable(job)) {
                // why: noted before sending, so that the worker taking the job over is the only writer of it then
                jobs.markResent(job.id());
                send(job, send);
                log.warn("Job {} was abandoned by {} (last heartbeat {}); its command was sent again", job.id(),
                        job.workerId(), job.heartbeatAt());
                metrics.resent(worker.kind(), "abandoned");
            }
        }
        for (var jobId : outbox.waiting(worker.kind(), worker.outboxGrace(), PER_SWEEP)) {
            var job = jobs.find(new JobId(jobId)).filter(found -> found.status() == JobStatus.QUEUED);
            if (job.isEmpty() || !resumable(job.get())) {
                // why: its producer died before recording it, or it has run since (a late delivery)
                outbox.release(new JobId(jobId));
                continue;
            }
            outbox.markSent(jobId);
            send(job.get(), send);
            outbox.release(new JobId(jobId));
            log.warn("Job {} had waited since {} for its command to reach Kafka; it was sent now", jobId,
                    job.get().createdAt());
            metrics.resent(worker.kind(), "unpublished");
        }
        settleEnded();
    }

    /**
     * A job cancelled or failed while its worker was dead may have a batch recorded in its ledger that the worker
     * never folded into its counts; once no worker can write it any more, its counts are made what its ledger says.
     */
    private void settleEnded() {
        for (Job ended : queries.findEndedUnsettled(worker.kind(), worker.lease(), PER_SWEEP)) {
            var unfolded = ledger.after(ended.id(), ended.checkpoint().batch());
            if (unfolded.isEmpty()) {
                jobs.markSettled(ended.id());
                continue;
            }
            JobProgress progress = ended.progressSoFar();
            for (LedgerEntry entry : unfolded) {
                progress = progress.plus(entry);
            }
            jobs.settleEnded(ended, progress);
            log.info("Job {} ended ({}) with {} recorded batches its worker had not counted; they are counted now",
                    ended.id(), ended.status().wireValue(), unfolded.size());
        }
    }

    private boolean resumable(Job job) {
        if (job.commandJson() == null) {
            jobs.fail(job.id(), "Nobody is working on it and its command was not kept, so it cannot be resumed");
            return false;
        }
        return true;
    }

    private static void send(Job job, CommandTopic send) {
        send.send(job.commandKey(), job.commandJson().getBytes(StandardCharsets.UTF_8));
    }
}
