package io.flowhub.engine;

import io.flowhub.store.JobId;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A worker's hold on one running job. Every claim of the job (a start, a takeover, a turn taken again) gets a new
 * {@link #token()}, and each of the holder's writes to the job names it, so a write of a holder that was taken over
 * changes nothing. The lease is renewed in the background every fifth of its length for as long as it is held,
 * batches or not, so a long batch keeps its job; a renewal that finds the job no longer held this way (taken over by
 * another worker, or deleted) loses the lease. A cancel does not: the batch under way finishes and is recorded, and
 * the cancel is seen at its end, so a write is never left without the ledger entry that counts it.
 *
 * <p>{@link #fence()} comes before every write of a batch (items, files, ledger): it refuses once the lease is lost,
 * or once the last renewal is more than three fifths of a lease old — a process that was paused (a stopped process,
 * a long GC, a stalled database) may have been taken over meanwhile, since another worker takes a job over a whole
 * lease after its last heartbeat. The two fifths left are the margin for a pause between the fence and the write
 * itself; only a transaction around the write and a check of the job could close that margin, and the embedded
 * server has none.
 */
public final class JobLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobLease.class);

    private final JobId jobId;
    private final String workerId;
    private final ObjectId token;
    private final Duration length;
    private final HeldJobs jobs;
    private final Clock clock;
    private volatile Instant renewedAt;
    private volatile String lostBecause;
    private ScheduledFuture<?> renewal;

    JobLease(JobId jobId, String workerId, ObjectId token, Duration length, Instant takenAt, HeldJobs jobs, Clock clock) {
        this.jobId = jobId;
        this.workerId = workerId;
        this.token = token;
        this.length = length;
        this.renewedAt = takenAt;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** A new token for a claim about to be made. */
    static ObjectId newToken() {
        return new ObjectId();
    }

    public String workerId() {
        return workerId;
    }

    public ObjectId token() {
        return token;
    }

    /** Renews the lease every fifth of its length until closed. */
    JobLease renewedBy(ScheduledExecutorService renewer) {
        long every = Math.max(1, length.toMillis() / 5);
        renewal = renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    void renew() {
        if (lostBecause != null) {
            return;
        }
        Instant sent = clock.instant();
        try {
            if (jobs.renew(jobId, this)) {
                renewedAt = sent;
            } else {
                lost("the job is no longer held under this lease (taken over by another worker, or deleted)");
            }
        } catch (RuntimeException e) {
            // why: the database may be out of reach for a moment; the fence refuses once the last renewal is too old
            log.debug("Could not renew the lease of job {}: {}", jobId, e.getMessage());
        }
    }

    /** Marks the lease lost: every later {@link #fence()} refuses. */
    void lost(String why) {
        if (lostBecause == null) {
            lostBecause = why;
        }
    }

    /** @throws LeaseLostException when a write now could race another holder of the job */
    public void fence() {
        String why = lostBecause;
        if (why != null) {
            throw new LeaseLostException(jobId, why);
        }
        Duration since = Duration.between(renewedAt, clock.instant());
        if (since.compareTo(length.multipliedBy(3).dividedBy(5)) >= 0) {
            lost("the lease was last renewed " + since.toMillis() + " ms ago, too long to be sure it is still held");
            throw new LeaseLostException(jobId, lostBecause);
        }
    }

    @Override
    public void close() {
        if (renewal != null) {
            renewal.cancel(false);
        }
    }
}
