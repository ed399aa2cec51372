package io.flowhub.cleanup;

import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.events.CleanupCommand;
import io.flowhub.wiring.CommandRecords;
import io.flowhub.wiring.DeadLetterErrorHandler;
import io.flowhub.wiring.EngineSettingsBinding;
import io.flowhub.events.Topics;
import io.flowhub.engine.EngineSettings;
import io.flowhub.engine.JobEventSink;
import io.flowhub.engine.JobKind;
import io.flowhub.engine.JobMetrics;
import io.flowhub.engine.DeadLetteredJobs;
import io.flowhub.engine.JobWorker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.time.Duration;

/** How cleanup-worker reads commands, and what happens to those that fail (see {@link DeadLetterErrorHandler}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CleanupWorkerSettings.class)
class CleanupKafkaConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer cleanupCommandValues() {
        return CommandRecords.decodedAs(CleanupCommand.class);
    }

    /** The engine's settings under {@code flowhub.cleanup.*}: large batches, a deleteMany each. */
    @Bean
    EngineSettings cleanupEngineSettings(Environment environment) {
        return EngineSettingsBinding.bind(environment, "flowhub.cleanup", new EngineSettings(5000,
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(1), EngineSettings.uniqueWorkerId("cleanup-worker")));
    }

    @Bean
    JobWorker cleanupJobWorker(EngineSettings settings) {
        return settings.worker(JobKind.CLEANUP, Topics.CLEANUP_COMMANDS);
    }

    @Bean
    DefaultErrorHandler cleanupErrorHandler(KafkaTemplate<String, Object> template, DeadLetteredJobs jobs,
            EngineSettings settings, JobMetrics metrics, JobEventSink events) {
        // why: the claims of a job failed here are released by EndedClaimsRelease once its lease ran out, after the
        // batches it recorded are settled; a replay of its command may run it again first
        return CommandRecords.givingUp(template, settings.retryFor(), CleanupCommand.class, CleanupCommand::jobId,
                jobs, metrics, events);
    }
}
