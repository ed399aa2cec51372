package io.flowhub.bulk;

import io.flowhub.events.BulkCommand;
import io.flowhub.wiring.CommandRecords;
import io.flowhub.wiring.EngineSettingsBinding;
import io.flowhub.events.Topics;
import io.flowhub.engine.EngineSettings;
import io.flowhub.engine.JobEventSink;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.JobMetrics;
import io.flowhub.engine.DeadLetteredJobs;
import io.flowhub.engine.JobWorker;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.time.Duration;

/**
 * How bulk-worker reads commands and what it does with those that fail: the job of a command that
 * gave up is marked failed; a record that never became a command is announced as rejected.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer bulkCommandValues() {
        return CommandRecords.decodedAs(BulkCommand.class);
    }

    /** The engine's settings under {@code flowhub.bulk.*}: small batches, so a job reports often. */
    @Bean
    EngineSettings bulkEngineSettings(Environment environment) {
        return EngineSettingsBinding.bind(environment, "flowhub.bulk", new EngineSettings(50, Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1),
                EngineSettings.uniqueWorkerId("bulk-worker")));
    }

    @Bean
    JobWorker bulkJobWorker(EngineSettings settings) {
        return settings.worker(JobKind.BULK, Topics.BULK_COMMANDS);
    }

    @Bean
    DefaultErrorHandler bulkErrorHandler(KafkaTemplate<String, Object> template, DeadLetteredJobs jobs,
            EngineSettings settings, JobMetrics metrics, JobEventSink events) {
        return CommandRecords.givingUp(template, settings.retryFor(), BulkCommand.class, BulkCommand::jobId,
                jobs, metrics, events);
    }
}
