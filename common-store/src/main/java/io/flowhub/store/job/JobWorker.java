package io.flowhub.store.job;

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
 */
public record JobWorker(JobKind kind, String commandTopic, String workerId, Duration lease, Duration sweepInterval,
                        Duration outboxGrace) {
}
