package io.flowhub.bulk;

import io.flowhub.events.BulkCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.bulk.job.BulkJobMetrics;
import io.flowhub.events.InvalidCommandException;
import io.flowhub.events.JobRejected;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.Topics;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.job.JobEventSink;
import io.flowhub.store.job.JobStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * How bulk-worker reads commands and what it does with those that fail: a record that can never
 * succeed (undecodable, invalid) goes straight to {@code flowhub.commands.bulk.dlt}; one that
 * fails for a passing reason is retried with back-off, then its job is marked failed and the
 * record dead-lettered. Either way the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkWorkerSettings.class)
class KafkaConsumerConfiguration {

    static final String REASON_HEADER = "x-flowhub-dlt-reason";
    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaConsumerFactoryCustomizer bulkCommandValues() {
        var json = new JacksonJsonDeserializer<>(BulkCommand.class, ContractJson.mapper(), false);
        var deserializer = new ErrorHandlingDeserializer<>(json);
        return factory -> ((DefaultKafkaConsumerFactory<Object, BulkCommand>) factory).setValueDeserializer(deserializer);
    }

    @Bean
    DefaultErrorHandler bulkErrorHandler(KafkaTemplate<String, Object> template, JobStore jobs,
            BulkWorkerSettings settings, BulkJobMetrics metrics, JobEventSink events) {
        var deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        deadLetters.setHeadersFunction((record, e) -> new RecordHeaders()
                .add(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8)));
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(settings.retryFor().toMillis());
        var handler = new DefaultErrorHandler((record, e) -> {
            failJob(record, e, jobs, events);
            deadLetters.accept(record, e);
            metrics.deadLettered(record.topic());
        }, backOff);
        handler.addNotRetryableExceptions(InvalidCommandException.class);
        return handler;
    }

    private static void failJob(ConsumerRecord<?, ?> record, Exception e, JobStore jobs, JobEventSink events) {
        if (record.value() instanceof BulkCommand command && command.jobId() != null) {
            jobs.fail(ObjectIds.parse("job id", command.jobId()), "Gave up: " + reason(e));
        } else {
            // why: a producer whose command never ran learns it here, by command_id when one can be read
            events.announce(new JobRejected(SchemaVersion.CURRENT, null, RejectedRecords.commandId(e),
                    Instant.now(), null, reason(e)));
        }
        log.error("Moving record {}-{}@{} to the dead-letter topic: {}", record.topic(), record.partition(),
                record.offset(), reason(e));
    }

    static String reason(Exception e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
