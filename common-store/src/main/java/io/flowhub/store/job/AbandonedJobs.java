package io.flowhub.store.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Finds running jobs whose worker stopped reporting for longer than the lease (killed, hung, or
 * cut off) and sends their stored command again, at most once per lease, so that a live worker
 * takes the job over and resumes it. A job without a stored command cannot be resumed and fails.
 */
public class AbandonedJobs {

    private static final Logger log = LoggerFactory.getLogger(AbandonedJobs.class);
    private static final int PER_SWEEP = 100;

    private final JobStore jobs;

    public AbandonedJobs(JobStore jobs) {
        this.jobs = jobs;
    }

    /** @param send publishes a command's raw JSON under a key to the kind's command topic */
    public void resend(JobKind kind, Duration lease, BiConsumer<String, byte[]> send) {
        for (Job job : jobs.findAbandoned(kind, lease, PER_SWEEP)) {
            if (job.commandJson() == null) {
                jobs.fail(job.id(), "Its worker stopped and its command was not kept, so it cannot be resumed");
                continue;
            }
            log.warn("Job {} was abandoned by {} (last heartbeat {}); sending its command again", job.id(),
                    job.workerId(), job.heartbeatAt());
            send.accept(job.ownerId(), job.commandJson().getBytes(StandardCharsets.UTF_8));
            jobs.markResent(job.id());
        }
    }
}
