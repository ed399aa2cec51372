package io.flowhub.engine;

import io.flowhub.events.JobEvent;

/** Where the job store announces every status change and every batch; Kafka's {@code flowhub.events.jobs} in the services. */
@FunctionalInterface
public interface JobEventSink {

    JobEventSink NONE = event -> {
    };

    void announce(JobEvent event);
}
