package io.flowhub.engine;

import io.flowhub.store.JobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.bson.types.ObjectId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    private final UnrecordedChanges unrecorded;
    private final JobMetrics metrics;
    private final JobWorker worker;

    /** @param unrecorded finds what an ended job changed and never recorded */
    public JobSweeper(JobStore jobs, JobQueries queries, JobOutbox outbox, JobLedger ledger,
            UnrecordedChanges unrecorded, JobMetrics metrics, JobWorker worker) {
        this.jobs = jobs;
        this.queries = queries;
        this.outbox = outbox;
        this.ledger = ledger;
        this.unrecorded = unrecorded;
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
     * A job cancelled or failed while its worker was dead (or while a paused worker could not renew its lease) may
     * have a batch recorded in its ledger that the worker never folded into its counts, or a batch written and never
     * recorded, which no next holder will adopt; once no worker can write the job any more, the written batch is
     * recorded as the job's last, and its counts are made what its ledger says.
     */
    private void settleEnded() {
        for (Job ended : queries.findEndedUnsettled(worker.kind(), worker.lease(), PER_SWEEP)) {
            List<LedgerEntry> unfolded = ledger.after(ended.id(), ended.checkpoint().batch());
            JobProgress progress = ended.progressSoFar();
            for (LedgerEntry entry : unfolded) {
                progress = progress.plus(entry);
            }
            Set<ObjectId> recorded = new HashSet<>();
            ledger.of(ended.id()).forEach(entry -> recorded.addAll(entry.itemIds()));
            List<UnrecordedChanges.Change> orphans = unrecorded.of(ended.id(), recorded);
            if (!orphans.isEmpty()) {
                progress = progress.plus(ledger.record(adopted(ended, progress.checkpoint(), orphans), Optional.empty()));
            }
            if (unfolded.isEmpty() && orphans.isEmpty()) {
                jobs.markSettled(ended.id());
                continue;
            }
            jobs.settleEnded(ended, progress);
            log.info("Job {} ended ({}) with {} recorded batches and {} written items its worker had not counted; "
                    + "they are counted now", ended.id(), ended.status().wireValue(), unfolded.size(), orphans.size());
        }
    }

    /** @return the ledger entry of the items an ended job changed and never recorded: the batch after its last */
    private LedgerEntry adopted(Job ended, Checkpoint last, List<UnrecordedChanges.Change> orphans) {
        List<ObjectId> items = orphans.stream().map(UnrecordedChanges.Change::itemId).toList();
        var byTag = new LinkedHashMap<String, List<ObjectId>>();
        orphans.forEach(change -> change.tags().forEach(tag ->
                byTag.computeIfAbsent(tag, ignored -> new ArrayList<>()).add(change.itemId())));
        // why: a cleanup that marks what it changes soft-deleted it, and reports its items as deleted
        CleanupResult deleted = ended.kind() == JobKind.CLEANUP ? CleanupResult.of(CleanupResult.Count.ITEMS, items.size())
                : CleanupResult.NONE;
        return new LedgerEntry(ended.id(), last.batch() + 1, ended.operation(), ended.owner(), ended.targetUserId(), items,
                new JobCounts(items.size(), 0, 0, 0, 0), List.of(), deleted,
                last.next(last.step(), items.size(), last.resumeAfter()), Instant.now(),
                byTag.entrySet().stream().map(entry -> new TagChange(entry.getKey(), entry.getValue())).toList());
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
