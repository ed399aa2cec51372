package io.flowhub.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** The job engine's meters, the same for every kind of job, on {@code /actuator/prometheus} as {@code flowhub_*}. */
public class JobMetrics {

    private final MeterRegistry registry;

    /** @param commandTopic the worker's command topic, whose dead-letter count starts at zero rather than absent */
    public JobMetrics(MeterRegistry registry, String commandTopic) {
        this.registry = registry;
        deadLetterCounter(commandTopic);
    }

    void batch(JobKind kind, String operation, JobCounts counts, Duration took) {
        Timer.builder("flowhub.batch.duration").tag("kind", kind.wireValue()).tag("operation", operation)
                .register(registry).record(took);
        items(operation, "processed", counts.processed());
        items(operation, "skipped", counts.skipped());
        items(operation, "failed", counts.failed());
    }

    void finished(JobKind kind, String operation, JobStatus status, Duration took) {
        Counter.builder("flowhub.jobs.finished").tag("kind", kind.wireValue()).tag("operation", operation)
                .tag("status", status.wireValue()).register(registry).increment();
        Timer.builder("flowhub.job.duration").tag("kind", kind.wireValue()).tag("operation", operation)
                .register(registry).record(took);
    }

    void queueLatency(JobKind kind, Duration latency) {
        Timer.builder("flowhub.queue.latency").description("command published until its job started")
                .tag("kind", kind.wireValue()).register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    void resent(JobKind kind, String why) {
        Counter.builder("flowhub.jobs.resent").tag("kind", kind.wireValue()).tag("why", why).register(registry)
                .increment();
    }

    void handedBack(JobKind kind) {
        Counter.builder("flowhub.jobs.turns.handed.back").description("a long job's command sent to the end of the queue between slices")
                .tag("kind", kind.wireValue()).register(registry).increment();
    }

    /** Counts a record moved to a dead-letter topic. */
    public void deadLettered(String topic) {
        deadLetterCounter(topic).increment();
    }

    private Counter deadLetterCounter(String topic) {
        return Counter.builder("flowhub.dlt.records").tag("topic", topic)
                .description("records of this command topic moved to its dead-letter topic").register(registry);
    }

    private void items(String operation, String outcome, long count) {
        if (count > 0) {
            Counter.builder("flowhub.items").tag("operation", operation).tag("outcome", outcome).register(registry)
                    .increment(count);
        }
    }
}
