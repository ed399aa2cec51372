package io.flowhub.bulk;

import io.flowhub.bulk.job.BulkWorkerSettings;
import io.flowhub.events.BulkCommand;
import io.flowhub.store.spring.CommandRecords;
import io.flowhub.events.Topics;
import io.flowhub.store.job.JobEventSink;
import io.flowhub.store.job.JobKind;
import io.flowhub.store.job.JobMetrics;
import io.flowhub.store.job.DeadLetteredJobs;
import io.flowhub.store.job.JobWorker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * How bulk-worker reads commands and what it does with those that fail: the job of a command that
 * gave up is marked failed; a record that never became a command is announced as rejected.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkWorkerSettings.class)
class KafkaConsumerConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer bulkCommandValues() {
        return CommandRecords.decodedAs(BulkCommand.class);
    }

    @Bean
    JobWorker bulkJobWorker(BulkWorkerSettings settings) {
        return new JobWorker(JobKind.BULK, Topics.BULK_COMMANDS, settings.workerId(), settings.lease(),
                settings.sweepInterval(), settings.outboxGrace(), settings.slice());
    }

    @Bean
    DefaultErrorHandler bulkErrorHandler(KafkaTemplate<String, Object> template, DeadLetteredJobs jobs,
            BulkWorkerSettings settings, JobMetrics metrics, JobEventSink events) {
        return CommandRecords.givingUp(template, settings.retryFor(), BulkCommand.class, BulkCommand::jobId,
                jobs, metrics, events);
    }
}
