package io.flowhub.engine;

import java.time.Duration;

/**
 * One worker instance as the job engine sees it.
 *
 * @param kind          the jobs it runs
 * @param commandTopic  where their commands are published, for sending one again
 * @param workerId      its name on the jobs it holds; unique per process
 * @param lease         how long it may hold a job without reporting before another instance takes the job over
 * @param sweepInterval how often it looks for abandoned and unpublished jobs
 * @param outboxGrace   how long a queued job may wait for its command to reach Kafka before it is sent again
 * @param slice         how long it runs one job before handing the job's command back to the end of the
 *                      queue, so that a long job never keeps another owner's short one waiting
 */
public record JobWorker(JobKind kind, String commandTopic, String workerId, Duration lease, Duration sweepInterval,
                        Duration outboxGrace, Duration slice) {

    public JobWorker {
        if (slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("A job's slice must be longer than zero, not " + slice);
        }
    }
}
