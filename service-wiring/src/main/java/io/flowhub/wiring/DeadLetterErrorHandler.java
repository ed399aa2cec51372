package io.flowhub.wiring;

import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The one error handler of a worker: a record that can never succeed (undecodable, invalid) goes
 * straight to its topic's dead-letter topic with an {@value #REASON_HEADER} header; one that
 * fails for a passing reason is retried with back-off first. Either way the partition moves on.
 */
public final class DeadLetterErrorHandler {

    /** The header naming why a record was dead-lettered. */
    public static final String REASON_HEADER = "x-flowhub-dlt-reason";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandler.class);

    private DeadLetterErrorHandler() {
    }

    /**
     * @param retryFor       how long a passing failure is retried before the record is dead-lettered
     * @param beforeGivingUp what the worker does first: fail the record's job, count it
     */
    public static DefaultErrorHandler create(KafkaTemplate<String, Object> template, Duration retryFor,
            BiConsumer<ConsumerRecord<?, ?>, Exception> beforeGivingUp) {
        var deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        deadLetters.setHeadersFunction((record, e) -> new RecordHeaders()
                .add(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8)));
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(retryFor.toMillis());
        var handler = new DefaultErrorHandler((record, e) -> {
            log.error("Moving record {}-{}@{} to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), reason(e));
            beforeGivingUp.accept(record, e);
            deadLetters.accept(record, e);
        }, backOff);
        handler.addNotRetryableExceptions(InvalidCommandException.class);
        return handler;
    }

    /** @return the most specific cause of a failure, as "Type: message" */
    public static String reason(Exception e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
