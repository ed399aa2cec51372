package io.flowhub.bulk.job;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.bulk.BulkWorkerSettings;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.activity.ActivityAction;
import io.flowhub.store.activity.ActivityLog;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobError;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobProgress;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.NewJob;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bulk job batch by batch, writing counts and the resume point after every batch. A
 * redelivered command finds its job: finished, it is left alone; held by a live worker, too;
 * otherwise it resumes where the job's last recorded batch ended. A cancelled job stops at the
 * next batch boundary and keeps its counts.
 */
@Component
public class BulkJobRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkJobRunner.class);

    private final JobStore jobs;
    private final MongoCollection<Document> items;
    private final BatchWriter writer;
    private final ActivityLog activity;
    private final BulkWorkerSettings settings;
    private final BulkJobMetrics metrics;
    private final Clock clock;

    BulkJobRunner(JobStore jobs, MongoDatabase database, ActivityLog activity, BulkWorkerSettings settings,
            BulkJobMetrics metrics, Clock clock) {
        this.jobs = jobs;
        this.items = database.getCollection(CollectionNames.ITEMS);
        this.writer = new BatchWriter(items, clock);
        this.activity = activity;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void run(BulkCommand command, ItemOperation operation, ActivityAction action) {
        try (Selection selection = Selection.of(command, items)) {
            Job job = jobFor(command, operation.name());
            if (job.status().isFinished()) {
                log.info("Job {} is already {}; command {} redelivered, nothing to do", job.id(),
                        job.status().wireValue(), command.commandId());
                return;
            }
            var started = jobs.start(job.id(), settings.workerId(), settings.lease(), selection.total());
            if (started.isEmpty()) {
                log.info("Job {} is finished or held by another live worker; leaving it", job.id());
                return;
            }
            job = started.get();
            if (job.wasStartedBefore()) {
                log.info("Resuming job {} after {} items (attempt {})", job.id(), job.cursor(), job.attempts());
            } else {
                metrics.queueLatency(Duration.between(command.issuedAt(), clock.instant()));
            }
            runBatches(command, operation, action, selection, job);
        }
    }

    private void runBatches(BulkCommand command, ItemOperation operation, ActivityAction action, Selection selection,
            Job job) {
        ObjectId owner = command.restrictToOwner() ? ObjectIds.parse("owner id", command.ownerId()) : null;
        ObjectId actor = command.ownerId() == null ? null : new ObjectId(command.ownerId());
        int batchSize = settings.batchSizeFor(command.batchSize());
        JobProgress progress = job.progressSoFar();
        var position = new Selection.Position(progress.cursor(), progress.resumeAfter());
        Instant jobStarted = clock.instant();
        List<ObjectId> batch;
        while (!(batch = selection.next(position, batchSize)).isEmpty()) {
            Instant batchStarted = clock.instant();
            BatchOutcome outcome = writer.write(batch, selection.scopeOf(batch), operation, job.id(), owner);
            activity.recordForJob(actor, action, outcome.changed(), job.id());
            position = position.after(batch);
            var counts = progress.counts().plus(outcome.counts());
            progress = new JobProgress(counts, position.cursor(), position.resumeAfter(),
                    Math.max(progress.totalItems(), position.cursor()), firstErrors(progress.errors(), outcome.errors()));
            metrics.batch(operation.name(), outcome.counts(), Duration.between(batchStarted, clock.instant()));
            if (!jobs.recordProgress(job.id(), settings.workerId(), progress)) {
                jobs.recordLastBatchOfCancelled(job.id(), settings.workerId(), progress);
                log.info("Job {} is no longer this worker's to run (cancelled or taken over); stopped after {} items",
                        job.id(), position.cursor());
                metrics.finished(operation.name(), "cancelled", Duration.between(jobStarted, clock.instant()));
                return;
            }
        }
        // why: for a filter, the items actually worked through are the total; for ids, the list was
        var finalProgress = new JobProgress(progress.counts(), progress.cursor(), progress.resumeAfter(),
                progress.counts().total(), progress.errors());
        if (jobs.complete(job.id(), settings.workerId(), finalProgress)) {
            metrics.finished(operation.name(), "completed", Duration.between(jobStarted, clock.instant()));
            log.info("Job {} completed: {} processed, {} skipped {}, {} failed", job.id(),
                    progress.counts().processed(), progress.counts().skipped(), progress.counts().skipReasons(),
                    progress.counts().failed());
        }
    }

    private Job jobFor(BulkCommand command, String operation) {
        String commandJson = ContractJson.mapper().writeValueAsString(command);
        long known = command.itemIds() == null ? 0 : command.itemIds().size();
        if (command.jobId() == null) {
            // why: a producer outside the gateway sends no job; the command id keeps a redelivery to one job
            return jobs.createIfAbsent(new NewJob(new ObjectId(), JobKind.BULK, operation, command.ownerId(),
                    command.commandId(), known, commandJson));
        }
        ObjectId jobId = ObjectIds.parse("job id", command.jobId());
        return jobs.find(jobId).orElseGet(() -> jobs.createIfAbsent(
                new NewJob(jobId, JobKind.BULK, operation, command.ownerId(), command.commandId(), known, commandJson)));
    }

    private static List<JobError> firstErrors(List<JobError> kept, List<JobError> more) {
        if (more.isEmpty() || kept.size() >= JobError.KEPT) {
            return kept;
        }
        var errors = new ArrayList<>(kept);
        errors.addAll(more.subList(0, Math.min(more.size(), JobError.KEPT - kept.size())));
        return errors;
    }
}
