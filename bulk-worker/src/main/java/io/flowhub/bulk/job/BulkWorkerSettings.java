package io.flowhub.bulk.job;

import io.flowhub.events.BatchSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Settings of bulk-worker.
 *
 * @param batchSize items per bulk write when a command does not ask for its own
 * @param retryFor  how long a command that fails for a passing reason (MongoDB unreachable) is retried
 *                  before its job is marked failed and the record is moved to the dead-letter topic
 * @param lease     how long a running job's worker may go without reporting before another worker takes the job over
 * @param sweepInterval how often the worker looks for abandoned bulk jobs and commands that never reached Kafka
 * @param outboxGrace   how long a queued job may wait for its command to reach Kafka before it is sent again
 * @param slice     how long one job runs before its command goes to the end of the queue, so that another
 *                  owner's job queued behind it starts within about this long
 * @param workerId  this worker's name on the jobs it holds; unique per process unless set
 */
@ConfigurationProperties("flowhub.bulk")
public record BulkWorkerSettings(
        @DefaultValue("50") int batchSize,
        @DefaultValue("30s") Duration retryFor,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("20s") Duration outboxGrace,
        @DefaultValue("1s") Duration slice,
        String workerId) {

    public BulkWorkerSettings {
        if (batchSize < BatchSize.MIN || batchSize > BatchSize.MAX) {
            throw new IllegalArgumentException("flowhub.bulk.batch-size " + batchSize + " is out of range: use "
                    + BatchSize.MIN + " to " + BatchSize.MAX);
        }
        if (workerId == null || workerId.isBlank()) {
            workerId = "bulk-worker-" + ManagementFactory.getRuntimeMXBean().getName() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    public int batchSizeFor(Integer requested) {
        return requested == null ? batchSize : requested;
    }
}
