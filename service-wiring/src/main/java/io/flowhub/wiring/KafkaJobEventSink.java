package io.flowhub.wiring;

import io.flowhub.events.JobEvent;
import io.flowhub.events.Topics;
import io.flowhub.engine.JobEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes job events to {@code flowhub.events.jobs}, keyed by job id. Events announce what the
 * job document already holds; a send that fails is logged, never allowed to fail the job.
 */
class KafkaJobEventSink implements JobEventSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaJobEventSink.class);

    private final KafkaTemplate<String, Object> kafka;

    KafkaJobEventSink(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void announce(JobEvent event) {
        String key = event.jobId() != null ? event.jobId() : String.valueOf(event.commandId());
        try {
            kafka.send(Topics.JOB_EVENTS, key, event).whenComplete((result, failure) -> {
                if (failure != null) {
                    log.warn("Could not publish {} for job {}: {}", event.getClass().getSimpleName(), key,
                            failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not publish {} for job {}: {}", event.getClass().getSimpleName(), key, e.getMessage());
        }
    }
}
