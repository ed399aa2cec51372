package io.flowhub.bulk.job;

import io.flowhub.store.job.JobCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** The bulk-worker's Micrometer meters, on {@code /actuator/prometheus} as {@code flowhub_*}. */
@Component
public class BulkJobMetrics {

    private final MeterRegistry registry;

    BulkJobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void batch(String operation, JobCounts counts, Duration took) {
        Timer.builder("flowhub.batch.duration").tag("operation", operation).register(registry).record(took);
        items(operation, "processed", counts.processed());
        items(operation, "skipped", counts.skipped());
        items(operation, "failed", counts.failed());
    }

    void finished(String operation, String status, Duration took) {
        Counter.builder("flowhub.jobs.finished").tag("kind", "bulk").tag("operation", operation).tag("status", status)
                .register(registry).increment();
        Timer.builder("flowhub.job.duration").tag("kind", "bulk").tag("operation", operation).register(registry)
                .record(took);
    }

    void queueLatency(Duration latency) {
        Timer.builder("flowhub.queue.latency").description("command published until its job started")
                .tag("kind", "bulk").register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void deadLettered(String topic) {
        Counter.builder("flowhub.dlt.records").tag("topic", topic).register(registry).increment();
    }

    private void items(String operation, String outcome, long count) {
        if (count > 0) {
            Counter.builder("flowhub.items").tag("operation", operation).tag("outcome", outcome).register(registry)
                    .increment(count);
        }
    }
}
