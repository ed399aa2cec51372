package io.flowhub.cleanup;

import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.events.CleanupCommand;
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
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.bson.types.ObjectId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

import io.flowhub.store.item.ItemFields;

import java.time.Instant;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.unset;

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
    JobWorker cleanupJobWorker(CleanupWorkerSettings settings) {
        return new JobWorker(JobKind.CLEANUP, Topics.CLEANUP_COMMANDS, settings.workerId(), settings.lease(),
                settings.sweepInterval(), settings.outboxGrace(), settings.slice());
    }

    @Bean
    DefaultErrorHandler cleanupErrorHandler(KafkaTemplate<String, Object> template, JobStore jobs,
            CleanupWorkerSettings settings, JobMetrics metrics, JobEventSink events, MongoDatabase database) {
        return DeadLetterErrorHandler.create(template, settings.retryFor(), (record, e) -> {
            String reason = DeadLetterErrorHandler.reason(e);
            if (record.value() instanceof CleanupCommand command && command.jobId() != null) {
                ObjectId jobId = ObjectIds.parse("job id", command.jobId());
                jobs.fail(jobId, "Gave up: " + reason);
                // why: items the failed job had claimed for deletion must not stay out of every other job's reach
                database.getCollection(CollectionNames.ITEMS).updateMany(eq(ItemFields.DELETING_JOB, jobId),
                        unset(ItemFields.DELETING_JOB));
            } else {
                events.announce(new JobRejected(SchemaVersion.CURRENT, null, RejectedRecords.commandId(e),
                        Instant.now(), null, reason));
            }
            metrics.deadLettered(record.topic());
        });
    }
}
