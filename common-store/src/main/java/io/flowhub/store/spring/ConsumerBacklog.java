package io.flowhub.store.spring;

import io.flowhub.store.job.Backlog;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The records a listener's consumer has not handed out yet, on any partition it reads, as of its
 * last fetch (no call to the broker); a partition whose lag is not known counts as waiting. Read
 * only on the listener's own thread, as Kafka's consumer requires.
 */
public record ConsumerBacklog(Consumer<?, ?> consumer) implements Backlog {

    @Override
    public boolean hasWaiting() {
        return consumer.assignment().stream().anyMatch(partition -> consumer.currentLag(partition).orElse(1) > 0);
    }
}
