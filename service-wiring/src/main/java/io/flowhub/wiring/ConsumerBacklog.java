package io.flowhub.wiring;

import io.flowhub.engine.Backlog;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The records a listener's consumer has not handed out yet, on any partition it reads. First as of
 * its last fetch (no call to the broker); when that shows none (or knows nothing of a partition yet), the broker's
 * end offsets are asked,
 * because a consumer busy with one long job does not fetch, and a record appended since its last
 * fetch — an outside producer's command, which no queued job in the store announces — would
 * otherwise wait for the whole job. Read only on the listener's own thread, as Kafka's consumer requires.
 */
public record ConsumerBacklog(Consumer<?, ?> consumer) implements Backlog {

    private static final Duration ASK_THE_BROKER_FOR = Duration.ofSeconds(2);

    @Override
    public boolean hasWaiting() {
        Set<TopicPartition> partitions = consumer.assignment();
        // why: a partition the consumer has not fetched from yet has no lag here; the broker is asked about it below
        // (counting it as waiting would hand a long job's turn back on a fresh consumer when nobody waits)
        if (partitions.stream().anyMatch(partition -> consumer.currentLag(partition).orElse(0) > 0)) {
            return true;
        }
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, ASK_THE_BROKER_FOR);
            return partitions.stream().anyMatch(partition ->
                    ends.getOrDefault(partition, 0L) > consumer.position(partition, ASK_THE_BROKER_FOR));
        } catch (KafkaException e) {
            // why: a broker that does not answer now cannot take a handed-back command either; the job runs on
            return false;
        }
    }
}
