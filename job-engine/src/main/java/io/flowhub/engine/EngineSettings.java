package io.flowhub.engine;

import io.flowhub.events.BatchSize;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * The job engine's settings of one worker, declared once for both workers: each binds them under its own
 * prefix ({@code flowhub.bulk.*}, {@code flowhub.cleanup.*}) over defaults of its own
 * ({@code io.flowhub.wiring.EngineSettingsBinding}).
 *
 * @param batchSize     items per bulk write when a command does not ask for its own
 * @param retryFor      how long a command that fails for a passing reason (MongoDB unreachable) is retried
 *                      before its job is marked failed and the record is moved to the dead-letter topic
 * @param lease         how long a running job's worker may go without reporting before another takes the job over
 * @param sweepInterval how often the worker looks for abandoned jobs and commands that never reached Kafka
 * @param outboxGrace   how long a queued job may wait for its command to reach Kafka before it is sent again
 * @param slice         how long one job runs before its command goes to the end of the queue, so that another
 *                      owner's job queued behind it starts within about this long
 * @param workerId      this worker's name on the jobs it holds; unique per process unless set
 */
public record EngineSettings(int batchSize, Duration retryFor, Duration lease, Duration sweepInterval,
                             Duration outboxGrace, Duration slice, String workerId) {

    public EngineSettings {
        if (batchSize < BatchSize.MIN || batchSize > BatchSize.MAX) {
            throw new IllegalArgumentException("batch-size " + batchSize + " is out of range: use " + BatchSize.MIN
                    + " to " + BatchSize.MAX);
        }
        if (slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("slice must be longer than zero, not " + slice);
        }
    }

    /** @return a name no other worker process has: the service's, the process's and a random part */
    public static String uniqueWorkerId(String service) {
        return service + "-" + ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public int batchSizeFor(Integer requested) {
        return requested == null ? batchSize : requested;
    }

    /** @return this worker as the engine sees it, running jobs of {@code kind} from {@code commandTopic} */
    public JobWorker worker(JobKind kind, String commandTopic) {
        return new JobWorker(kind, commandTopic, workerId, lease, sweepInterval, outboxGrace, slice);
    }
}
