package io.flowhub.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a worker kind has not finished, read from the jobs collection at every sweep: jobs queued and running
 * ({@code flowhub_jobs_unfinished}) and those of them nobody has written for {@link #STUCK_AFTER_LEASES} leases
 * ({@code flowhub_jobs_stuck}): the sweep sends an abandoned job again after one lease, so a job this quiet is one
 * that re-sending did not move. Every worker instance reports the same figures; dashboards take their maximum.
 */
public class JobGauges {

    /** why: one lease lets the sweep notice, a few more let a re-sent command reach a worker behind a long queue */
    public static final int STUCK_AFTER_LEASES = 5;

    private final JobQueries queries;
    private final JobWorker worker;
    private final Map<JobStatus, AtomicLong> unfinished = new EnumMap<>(JobStatus.class);
    private final AtomicLong stuck = new AtomicLong();

    public JobGauges(MeterRegistry registry, JobQueries queries, JobWorker worker) {
        this.queries = queries;
        this.worker = worker;
        String kind = worker.kind().wireValue();
        for (JobStatus status : List.of(JobStatus.QUEUED, JobStatus.RUNNING)) {
            AtomicLong count = new AtomicLong();
            unfinished.put(status, count);
            Gauge.builder("flowhub.jobs.unfinished", count, AtomicLong::get).tag("kind", kind)
                    .tag("status", status.wireValue()).description("jobs queued or running, as of the last sweep")
                    .register(registry);
        }
        Gauge.builder("flowhub.jobs.stuck", stuck, AtomicLong::get).tag("kind", kind)
                .description("unfinished jobs nobody has written for " + STUCK_AFTER_LEASES + " leases")
                .register(registry);
    }

    /** Reads the figures again; on a database failure the gauges keep their last values. */
    public void refresh() {
        unfinished.forEach((status, count) -> count.set(queries.countByStatus(worker.kind(), status)));
        stuck.set(queries.countQuiet(worker.kind(), stuckAfter()));
    }

    public Duration stuckAfter() {
        return worker.lease().multipliedBy(STUCK_AFTER_LEASES);
    }
}
