package io.flowhub.cleanup;

import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.events.CleanupCommand;
import io.flowhub.store.spring.CommandRecords;
import io.flowhub.store.spring.DeadLetterErrorHandler;
import io.flowhub.events.Topics;
import io.flowhub.store.job.JobEventSink;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobMetrics;
import io.flowhub.store.job.JobStore;
import io.flowhub.store.job.JobWorker;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

import io.flowhub.store.item.ItemFields;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.unset;

/** How cleanup-worker reads commands, and what happens to those that fail (see {@link DeadLetterErrorHandler}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CleanupWorkerSettings.class)
class CleanupKafkaConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer cleanupCommandValues() {
        return CommandRecords.decodedAs(CleanupCommand.class);
    }

    @Bean
    JobWorker cleanupJobWorker(CleanupWorkerSettings settings) {
        return new JobWorker(JobKind.CLEANUP, Topics.CLEANUP_COMMANDS, settings.workerId(), settings.lease(),
                settings.sweepInterval(), settings.outboxGrace(), settings.slice());
    }

    @Bean
    DefaultErrorHandler cleanupErrorHandler(KafkaTemplate<String, Object> template, JobStore jobs,
            CleanupWorkerSettings settings, JobMetrics metrics, JobEventSink events, MongoDatabase database) {
        // why: items a failed job had claimed for deletion must not stay out of every other job's reach
        return CommandRecords.givingUp(template, settings.retryFor(), CleanupCommand.class, CleanupCommand::jobId,
                job -> database.getCollection(CollectionNames.ITEMS).updateMany(eq(ItemFields.DELETING_JOB, job),
                        unset(ItemFields.DELETING_JOB)), jobs, metrics, events);
    }
}
