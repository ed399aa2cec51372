package io.flowhub.cleanup.file;

import io.flowhub.engine.EngineSettings;
import io.flowhub.store.JobId;
import io.flowhub.engine.Job;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.JobQueries;
import io.flowhub.engine.LedgerEntry;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Lets go of the claims of cleanup jobs that ended without letting go themselves: a worker died after claiming a
 * batch and the job was then cancelled, failed by the sweeper or the dead-letter handler, or deleted by a purge or
 * reset. Run at every sweep by each cleanup-worker. A batch such a job recorded in its ledger (its commit point) is
 * settled first — its claimed items deleted, its files removed — so the ledger stays what was deleted; then the
 * claims go. A job that ended less than a lease ago is left for the next sweep: its worker, if alive, may still be
 * finishing a write, and stops at its next fence.
 */
@Component
public class EndedClaimsRelease {

    private static final Logger log = LoggerFactory.getLogger(EndedClaimsRelease.class);
    private static final int PER_SWEEP = 100;

    private final ItemClaims claims;
    private final JobQueries jobs;
    private final JobLedger ledger;
    private final ItemDeleter deleter;
    private final FileRemovals removals;
    private final EngineSettings settings;
    private final Clock clock;

    EndedClaimsRelease(ItemClaims claims, JobQueries jobs, JobLedger ledger, ItemDeleter deleter, FileRemovals removals,
            EngineSettings settings, Clock clock) {
        this.claims = claims;
        this.jobs = jobs;
        this.ledger = ledger;
        this.deleter = deleter;
        this.removals = removals;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many jobs' claims were released, of those noted as holding claims */
    public int releaseEnded() {
        return release(claims.holders(PER_SWEEP));
    }

    /**
     * The same for the jobs the items name as holding claims, noted or not. A job's note goes only once it holds no
     * claim, so a claim without a note is one written after that — by a worker paused for longer than its lease
     * between its fence and its write — which only this finds. A pass over the items: run seldom.
     *
     * @return how many jobs' claims were released
     */
    public int releaseEndedClaimants() {
        return release(claims.claimants(PER_SWEEP));
    }

    private int release(List<ObjectId> holders) {
        if (holders.isEmpty()) {
            return 0;
        }
        Map<JobId, Job> found = jobs.findAll(holders.stream().map(JobId::new).toList());
        Instant settled = clock.instant().minus(settings.lease());
        int released = 0;
        for (ObjectId holder : holders) {
            JobId jobId = new JobId(holder);
            Job job = found.get(jobId);
            if (job != null && (!job.status().isFinished() || job.updatedAt().isAfter(settled)
                    || (job.heartbeatAt() != null && job.heartbeatAt().isAfter(settled)))) {
                // why: a worker that still renews its lease may be finishing the batch under way; it lets go itself
                continue;
            }
            if (job != null) {
                for (LedgerEntry entry : ledger.of(jobId)) {
                    deleter.settle(entry);
                }
            }
            claims.release(jobId);
            removals.removeFor(jobId);
            released++;
            log.info("Released the item claims of job {}, which {}", jobId,
                    job == null ? "is gone" : "is " + job.status().wireValue());
        }
        return released;
    }
}
