package io.flowhub.cleanup;

import io.flowhub.cleanup.job.CleanupMetrics;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.JobRejected;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.spring.DeadLetterErrorHandler;
import io.flowhub.events.spring.RejectedRecords;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.job.JobEventSink;
import io.flowhub.store.job.JobStore;
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

/** How cleanup-worker reads commands, and what happens to those that fail (see {@link DeadLetterErrorHandler}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CleanupWorkerSettings.class)
class CleanupKafkaConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaConsumerFactoryCustomizer cleanupCommandValues() {
        var json = new JacksonJsonDeserializer<>(CleanupCommand.class, ContractJson.mapper(), false);
        var deserializer = new ErrorHandlingDeserializer<>(json);
        return factory -> ((DefaultKafkaConsumerFactory<Object, CleanupCommand>) factory).setValueDeserializer(deserializer);
    }

    @Bean
    DefaultErrorHandler cleanupErrorHandler(KafkaTemplate<String, Object> template, JobStore jobs,
            CleanupWorkerSettings settings, CleanupMetrics metrics, JobEventSink events) {
        return DeadLetterErrorHandler.create(template, settings.retryFor(), (record, e) -> {
            String reason = DeadLetterErrorHandler.reason(e);
            if (record.value() instanceof CleanupCommand command && command.jobId() != null) {
                jobs.fail(ObjectIds.parse("job id", command.jobId()), "Gave up: " + reason);
            } else {
                events.announce(new JobRejected(SchemaVersion.CURRENT, null, RejectedRecords.commandId(e),
                        Instant.now(), null, reason));
            }
            metrics.deadLettered(record.topic());
        });
    }
}
