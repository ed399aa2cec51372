package io.flowhub.wiring;

import io.flowhub.engine.CommandTopic;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A worker's command topic on Kafka: a send returns once the broker acknowledged the record. */
record KafkaCommandTopic(KafkaTemplate<String, Object> kafka, String topic) implements CommandTopic {

    private static final long ACKNOWLEDGED_WITHIN_SECONDS = 10;

    @Override
    public void send(String key, byte[] command) {
        try {
            kafka.send(topic, key, command).get(ACKNOWLEDGED_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending a command to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the command for " + topic + ": " + e.getMessage(), e);
        }
    }
}
