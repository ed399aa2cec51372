package io.flowhub.bulk;

import io.flowhub.bulk.job.BulkWorkerSettings;
import io.flowhub.events.BulkCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.JobRejected;
import io.flowhub.events.SchemaVersion;
import io.flowhub.store.spring.DeadLetterErrorHandler;
import io.flowhub.store.spring.RejectedRecords;
import io.flowhub.store.ObjectIds;
import io.flowhub.events.Topics;
import io.flowhub.store.job.JobEventSink;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobMetrics;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.JobWorker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

import java.time.Instant;

/**
 * How bulk-worker reads commands and what it does with those that fail: the job of a command that
 * gave up is marked failed; a record that never became a command is announced as rejected.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkWorkerSettings.class)
class KafkaConsumerConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaConsumerFactoryCustomizer bulkCommandValues() {
        var json = new JacksonJsonDeserializer<>(BulkCommand.class, ContractJson.mapper(), false);
        var deserializer = new ErrorHandlingDeserializer<>(json);
        return factory -> ((DefaultKafkaConsumerFactory<Object, BulkCommand>) factory).setValueDeserializer(deserializer);
    }

    @Bean
    JobWorker bulkJobWorker(BulkWorkerSettings settings) {
        return new JobWorker(JobKind.BULK, Topics.BULK_COMMANDS, settings.workerId(), settings.lease(),
                settings.sweepInterval(), settings.outboxGrace(), settings.slice());
    }

    @Bean
    DefaultErrorHandler bulkErrorHandler(KafkaTemplate<String, Object> template, JobStore jobs,
            BulkWorkerSettings settings, JobMetrics metrics, JobEventSink events) {
        return DeadLetterErrorHandler.create(template, settings.retryFor(), (record, e) -> {
            String reason = DeadLetterErrorHandler.reason(e);
            if (record.value() instanceof BulkCommand command && command.jobId() != null) {
                jobs.fail(ObjectIds.parse("job id", command.jobId()), "Gave up: " + reason);
            } else {
                // why: a producer whose command never ran learns it here, by command_id when one can be read
                events.announce(new JobRejected(SchemaVersion.CURRENT, null, RejectedRecords.commandId(e),
                        Instant.now(), null, reason));
            }
            metrics.deadLettered(record.topic());
        });
    }
}
