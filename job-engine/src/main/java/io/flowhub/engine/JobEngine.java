package io.flowhub.engine;

import io.flowhub.store.JobId;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The one lifecycle of every job, bulk and cleanup. A delivered command finds its job (or creates it,
 * for a producer that sent none), unless a tombstone says it needs no more work; the job is claimed
 * with a lease, run batch by batch from its checkpoint, and each batch is recorded in the ledger,
 * folded into the job's counts, and heart-beaten. A job that is cancelled, deleted or taken over
 * stops at the next batch boundary with its counts; a finished job leaves a tombstone, so a
 * redelivered command never runs it again.
 *
 * <p>A job runs for one slice at a time: when a slice is over, work is left and other work waits (a
 * queued or handed-back job in the store, or records behind it on the consumer's partitions), the
 * worker hands the job back and sends its command to the end of its topic, so that the commands
 * queued behind it — another owner's one-item job — run before its next slice. Its checkpoint makes
 * the next slice, on any instance, go on where this one stopped. With nobody waiting it runs on.
 */
public class JobEngine {

    private static final Logger log = LoggerFactory.getLogger(JobEngine.class);
    private static final List<LedgerEntry> NONE = List.of();

    private final JobStore jobs;
    private final HeldJobs held;
    private final JobQueries queries;
    private final JobLedger ledger;
    private final ProcessedCommands processed;
    private final JobMetrics metrics;
    private final JobWorker worker;
    private final CommandTopic topic;
    private final Clock clock;
    private final ScheduledExecutorService renewer;
    private final Set<JobId> holding = ConcurrentHashMap.newKeySet();

    /** @param topic where a job's command goes back between slices; {@link CommandTopic#NONE} to run every job to its end */
    public JobEngine(JobStore jobs, HeldJobs held, JobQueries queries, JobLedger ledger, ProcessedCommands processed,
            JobMetrics metrics, JobWorker worker, CommandTopic topic, Clock clock) {
        this.jobs = jobs;
        this.held = held;
        this.queries = queries;
        this.ledger = ledger;
        this.processed = processed;
        this.metrics = metrics;
        this.worker = worker;
        this.topic = topic;
        this.clock = clock;
        // why: one thread renews every lease this engine holds, while its batches run
        this.renewer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(worker.kind().wireValue() + "-lease-renewer").daemon().factory());
    }

    public JobWorker worker() {
        return worker;
    }

    /**
     * Runs one delivery of a command.
     *
     * @param workFor opens the job's work once the job is known
     * @param backlog whether records wait behind this one on the worker's consumer
     */
    public void run(JobCommand command, Function<Job, JobWork> workFor, Backlog backlog) {
        Optional<String> outcome = processed.outcomeOf(command.commandId());
        if (outcome.isPresent()) {
            log.info("Command {} was {} already; this delivery is dropped", command.commandId(), outcome.get());
            return;
        }
        Optional<Job> found = jobs.forCommand(command);
        if (found.isEmpty()) {
            // why: a job recorded by its producer and since deleted (a reset, a purge) is never re-created
            processed.record(command.commandId(), command.jobId(), "job_gone");
            log.info("Job {} of command {} is gone; the command is dropped", command.jobId(), command.commandId());
            return;
        }
        Job job = found.get();
        if (job.status().isFinished()) {
            processed.record(command.commandId(), job.id(), job.status().wireValue());
            log.info("Job {} is already {}; command {} redelivered, nothing to do", job.id(), job.status().wireValue(),
                    command.commandId());
            return;
        }
        try (JobWork work = workFor.apply(job)) {
            Optional<String> refusal = work.refusal();
            if (refusal.isPresent()) {
                if (jobs.fail(job.id(), refusal.get())) {
                    metrics.finished(job.kind(), job.operation(), JobStatus.FAILED, Duration.ZERO);
                }
                processed.record(command.commandId(), job.id(), JobStatus.FAILED.wireValue());
                log.warn("Refused {} job {}: {}", job.operation(), job.id(), refusal.get());
                return;
            }
            if (!holding.add(job.id())) {
                // why: another consumer thread of this process runs it (a rebalance handed its record over)
                leaveAlone(command, job);
                return;
            }
            try {
                runHeld(command, job, work, backlog);
            } finally {
                holding.remove(job.id());
            }
        }
    }

    private void runHeld(JobCommand command, Job job, JobWork work, Backlog backlog) {
        Instant claimedAt = clock.instant();
        ObjectId token = JobLease.newToken();
        boolean mayBeHandedBack = job.status() != JobStatus.QUEUED;
        // why: a total known at once goes into the claim; one that reads the items is counted beside the batches (JobTotal)
        long knownTotal = work.totalTakesARead() ? 0 : work.total(job.checkpoint());
        var started = held.start(job.id(), worker.workerId(), token, worker.lease(), knownTotal, mayBeHandedBack);
        if (started.isEmpty()) {
            leaveAlone(command, job);
            return;
        }
        job = started.get();
        if (job.wasStartedBefore()) {
            log.debug("Job {} goes on after batch {} (attempt {}, turn {})", job.id(), job.checkpoint().batch(),
                    job.attempts(), job.turns() + 1);
        } else {
            metrics.queueLatency(job.kind(), Duration.between(command.issuedAt(), clock.instant()));
        }
        try (JobLease lease = new JobLease(job.id(), worker.workerId(), token, worker.lease(), claimedAt, held, clock)
                .renewedBy(renewer); JobTotal total = JobTotal.of(job, work)) {
            runBatches(command, job, work, backlog, lease, total);
        }
    }

    private void runBatches(JobCommand command, Job job, JobWork work, Backlog backlog, JobLease lease,
            JobTotal total) {
        Instant began = job.startedAt() == null ? clock.instant() : job.startedAt();
        Instant sliceEnds = clock.instant().plus(worker.slice());
        JobProgress progress = job.progressSoFar();
        // why: a worker recorded these batches and died before folding them into the job (none, on a first claim)
        var recorded = job.wasStartedBefore() ? ledger.after(job.id(), progress.checkpoint().batch()) : NONE;
        for (LedgerEntry entry : recorded) {
            progress = progress.plus(work.settle(entry));
        }
        ObjectId holdsMark = job.holdsMark();
        while (true) {
            var batch = new BatchContext(job, progress, holdsMark, ledger, lease, clock);
            Instant batchBegan = clock.instant();
            Optional<LedgerEntry> done;
            try {
                done = work.next(batch);
            } catch (LeaseLostException e) {
                // why: a write now could race the job's next holder, or undo a cancel; this worker stops here
                log.info("Job {} stops before a write: {}", job.id(), e.getMessage());
                stopped(command, job, work, batch, progress, began, lease, total);
                return;
            }
            if (done.isEmpty()) {
                break;
            }
            // why: settling is not fenced: it finishes what the recorded batch committed to, the same for any holder
            LedgerEntry entry = work.settle(done.get());
            progress = total.into(progress.plus(entry));
            metrics.batch(job.kind(), job.operation(), entry.counts(), Duration.between(batchBegan, clock.instant()));
            Optional<Job> progressed = held.recordProgress(job.id(), lease, progress);
            if (progressed.isEmpty()) {
                stopped(command, job, work, new BatchContext(job, progress, holdsMark, ledger, lease, clock), progress,
                        began, lease, total);
                return;
            }
            holdsMark = progressed.get().holdsMark();
            if (topic != CommandTopic.NONE && !clock.instant().isBefore(sliceEnds)) {
                sliceEnds = clock.instant().plus(worker.slice());
                if (!backlog.hasWaiting() && !queries.anyWaiting(job.kind(), job.id())) {
                    continue;
                }
                if (!held.handBack(job.id(), lease)) {
                    stopped(command, job, work, new BatchContext(job, progress, holdsMark, ledger, lease, clock), progress,
                            began, lease, total);
                    return;
                }
                // why: a failed send throws, the delivery is retried, and its job, held by nobody, is taken again
                topic.send(job.commandKey(), command.commandJson().getBytes(StandardCharsets.UTF_8));
                held.handedOver(job.id(), lease);
                metrics.handedBack(job.kind());
                log.debug("Job {} handed its turn back after batch {} ({} processed so far)", job.id(),
                        progress.checkpoint().batch(), progress.counts().processed());
                return;
            }
        }
        JobProgress finished = progress.finished();
        if (held.complete(job.id(), lease, finished)) {
            work.completed(new BatchContext(job, finished, holdsMark, ledger, lease, clock));
            processed.record(command.commandId(), job.id(), JobStatus.COMPLETED.wireValue());
            metrics.finished(job.kind(), job.operation(), JobStatus.COMPLETED, Duration.between(began, clock.instant()));
            log.info("{} job {} completed{}: {} processed, {} skipped {}, {} failed{}", job.operation(), job.id(),
                    job.dryRun() ? " (dry run)" : "", finished.counts().processed(), finished.counts().skipped(),
                    finished.counts().skipReasons(), finished.counts().failed(),
                    finished.result().isEmpty() ? "" : "; " + finished.result().toMap());
        } else {
            stopped(command, job, work, new BatchContext(job, progress, holdsMark, ledger, lease, clock), finished, began,
                    lease, total);
        }
    }

    /** The job is no longer this worker's to run: cancelled, deleted, failed, taken over, or its lease went stale. */
    private void stopped(JobCommand command, Job job, JobWork work, BatchContext last, JobProgress progress,
            Instant began, JobLease lease, JobTotal total) {
        Optional<Job> now = jobs.find(job.id());
        if (now.isPresent() && now.get().status() == JobStatus.RUNNING) {
            // why: taken over, or about to be once its lease runs out (the sweeper sends its command again); the next
            // holder goes on from the checkpoint with the claims this worker made
            log.info("Job {} is no longer held by this worker (now: {}); it stops", job.id(), now.get().workerId());
            return;
        }
        work.release(last);
        if (now.isEmpty()) {
            processed.record(command.commandId(), job.id(), "deleted");
            log.info("Job {} was deleted while it ran; stopped after batch {}", job.id(), progress.checkpoint().batch());
            return;
        }
        JobStatus status = now.get().status();
        if (status == JobStatus.CANCELLED) {
            // why: the counts of the batches done before the cancel was seen stay with the cancelled job
            held.recordLastBatchOfCancelled(job.id(), lease, total.lastKnown(progress));
        }
        processed.record(command.commandId(), job.id(), status.wireValue());
        metrics.finished(job.kind(), job.operation(), status, Duration.between(began, clock.instant()));
        log.info("Job {} is {}; stopped after batch {} with {} processed", job.id(), status.wireValue(),
                progress.checkpoint().batch(), progress.counts().processed());
    }

    private void leaveAlone(JobCommand command, Job job) {
        Optional<Job> now = jobs.find(job.id());
        if (now.isPresent() && now.get().status().isFinished()) {
            processed.record(command.commandId(), job.id(), now.get().status().wireValue());
        }
        log.info("Job {} is finished or held by another live worker; leaving it", job.id());
    }
}
