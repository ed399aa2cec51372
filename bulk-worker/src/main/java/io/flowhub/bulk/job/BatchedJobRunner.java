package io.flowhub.bulk.job;

import io.flowhub.events.BulkCommand;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.job.Job;
import io.flowhub.store.job.JobCounts;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.NewJob;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Runs a bulk job batch by batch, writing counts and the resume cursor after every batch. A
 * redelivered command finds its job: finished, it is left alone; unfinished, it resumes at the
 * cursor, re-counting the one batch an earlier attempt may have written unrecorded.
 */
@Component
public class BatchedJobRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchedJobRunner.class);

    private final JobStore jobs;

    public BatchedJobRunner(JobStore jobs) {
        this.jobs = jobs;
    }

    public void run(BulkCommand command, String operation, List<ObjectId> itemIds, int batchSize, BatchStep step) {
        Job job = jobFor(command, operation, itemIds.size());
        if (job.status().isFinished()) {
            log.info("Job {} is already {}; command {} redelivered, nothing to do", job.id(),
                    job.status().wireValue(), command.commandId());
            return;
        }
        Optional<Job> started = jobs.start(job.id(), itemIds.size());
        if (started.isEmpty()) {
            log.info("Job {} finished while starting; nothing to do", job.id());
            return;
        }
        job = started.get();
        long cursor = job.cursor();
        JobCounts counts = job.counts();
        boolean inDoubt = job.wasStartedBefore();
        if (inDoubt) {
            log.info("Resuming job {} at item {} of {} (attempt {})", job.id(), cursor, itemIds.size(), job.attempts());
        }
        while (cursor < itemIds.size()) {
            int end = (int) Math.min(itemIds.size(), cursor + batchSize);
            List<ObjectId> batch = itemIds.subList((int) cursor, end);
            long changed = step.apply(batch, job.id(), inDoubt);
            inDoubt = false;
            counts = counts.plus(new JobCounts(changed, batch.size() - changed, 0));
            cursor = end;
            if (!jobs.recordProgress(job.id(), counts, cursor, itemIds.size())) {
                log.info("Job {} is no longer running; stopping after {} items", job.id(), cursor);
                return;
            }
        }
        jobs.complete(job.id(), counts);
        log.info("Job {} completed: {} processed, {} skipped, {} failed", job.id(), counts.processed(),
                counts.skipped(), counts.failed());
    }

    private Job jobFor(BulkCommand command, String operation, long totalItems) {
        if (command.jobId() == null) {
            // why: a producer outside the gateway sends no job; the command id keeps a redelivery to one job
            return jobs.createIfAbsent(new NewJob(new ObjectId(), JobKind.BULK, operation, command.ownerId(),
                    command.commandId(), totalItems));
        }
        ObjectId jobId = ObjectIds.parse("job id", command.jobId());
        return jobs.find(jobId).orElseGet(() -> jobs.createIfAbsent(
                new NewJob(jobId, JobKind.BULK, operation, command.ownerId(), command.commandId(), totalItems)));
    }
}
