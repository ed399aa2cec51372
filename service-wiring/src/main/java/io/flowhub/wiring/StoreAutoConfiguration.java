package io.flowhub.wiring;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import io.flowhub.store.activity.ActivityLog;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.store.audit.AuditSettings;
import io.flowhub.engine.erasure.ErasureReceipts;
import io.flowhub.store.file.FileSettings;
import io.flowhub.store.file.FileStore;
import io.flowhub.engine.CommandTopic;
import io.flowhub.engine.JobEngine;
import io.flowhub.engine.JobEventSink;
import io.flowhub.engine.JobGauges;
import io.flowhub.engine.item.MarkedItems;
import io.flowhub.engine.JobLedger;
import io.flowhub.engine.JobMetrics;
import io.flowhub.engine.JobOutbox;
import io.flowhub.engine.JobQueries;
import io.flowhub.engine.DeadLetteredJobs;
import io.flowhub.engine.HeldJobs;
import io.flowhub.store.item.ItemStore;
import io.flowhub.store.otp.OneTimeCodes;
import io.flowhub.store.otp.SentCodes;
import io.flowhub.store.run.RunLeases;
import io.flowhub.store.user.UserStore;
import io.flowhub.engine.JobStore;
import io.flowhub.engine.JobSweeper;
import io.flowhub.engine.JobWorker;
import io.flowhub.engine.ProcessedCommands;
import io.flowhub.store.migration.MigrationRunner;
import io.flowhub.store.expiry.ExpirySweep;
import io.flowhub.engine.item.Holds;
import io.flowhub.engine.plan.Plans;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.PolicySettings;
import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.user.BootstrapAdminSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;

/** The FlowHub database, its migrations (applied at start-up, before any traffic) and the job store. */
@AutoConfiguration(after = {MongoAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties({FileSettings.class, PolicySettings.class, AuditSettings.class,
        BootstrapAdminSettings.class})
public class StoreAutoConfiguration {

    static final String DEFAULT_DATABASE = "flowhub";

    @Bean
    @ConditionalOnMissingBean
    ItemStore itemStore(MongoDatabase database) {
        return new ItemStore(database);
    }

    @Bean
    @ConditionalOnMissingBean
    UserStore userStore(MongoDatabase database, Clock clock) {
        return new UserStore(database, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    OneTimeCodes oneTimeCodes(MongoDatabase database, Clock clock) {
        return new OneTimeCodes(database, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    RunLeases runLeases(MongoDatabase database, Clock clock) {
        return new RunLeases(database, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    SentCodes sentCodes(MongoDatabase database, Clock clock) {
        return new SentCodes(database, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoDatabase flowhubDatabase(MongoClient client, MongoConnectionDetails connection) {
        String name = connection.getConnectionString().getDatabase();
        MongoDatabase database = client.getDatabase(name == null ? DEFAULT_DATABASE : name);
        new MigrationRunner(database).run();
        return database;
    }

    @Bean
    JobStore jobStore(MongoDatabase database, Clock clock, ObjectProvider<JobEventSink> events) {
        return new JobStore(database, clock, events.getIfAvailable(() -> JobEventSink.NONE));
    }

    @Bean
    JobQueries jobQueries(MongoDatabase database, Clock clock) {
        return new JobQueries(database, clock);
    }

    @Bean
    JobLedger jobLedger(MongoDatabase database) {
        return new JobLedger(database);
    }

    @Bean
    JobOutbox jobOutbox(MongoDatabase database, Clock clock) {
        return new JobOutbox(database, clock);
    }

    @Bean
    ProcessedCommands processedCommands(MongoDatabase database, Clock clock) {
        return new ProcessedCommands(database, clock);
    }

    @Bean
    DeadLetteredJobs deadLetteredJobs(MongoDatabase database, JobStore jobs, ProcessedCommands processed, Clock clock) {
        return new DeadLetteredJobs(database, jobs, processed, clock);
    }

    @Bean
    ActivityLog activityLog(MongoDatabase database, Clock clock) {
        return new ActivityLog(database, clock);
    }

    @Bean
    AuditLog auditLog(MongoDatabase database, AuditSettings settings, Clock clock) {
        return new AuditLog(database, settings, clock);
    }

    @Bean
    AdminAccount adminAccount(MongoDatabase database, Clock clock) {
        return new AdminAccount(database, clock);
    }

    @Bean
    EnvironmentPolicy environmentPolicy(PolicySettings settings) {
        return new EnvironmentPolicy(settings);
    }

    @Bean
    FileStore fileStore(FileSettings settings) {
        return new FileStore(settings.root());
    }

    @Bean
    Plans plans(MongoDatabase database, Clock clock) {
        return new Plans(database, clock);
    }

    @Bean
    Holds holds(MongoDatabase database, Clock clock) {
        return new Holds(database, clock);
    }

    @Bean
    ExpirySweep expirySweep(MongoDatabase database, Clock clock) {
        return new ExpirySweep(database, clock);
    }

    @Bean
    ErasureReceipts erasureReceipts(MongoDatabase database, JobLedger ledger, FileStore files, Clock clock) {
        return new ErasureReceipts(database, ledger, files, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    static class JobEventsOnKafka {

        @Bean
        @ConditionalOnBean(KafkaTemplate.class)
        @ConditionalOnMissingBean(JobEventSink.class)
        JobEventSink kafkaJobEventSink(KafkaTemplate<String, Object> kafka) {
            return new KafkaJobEventSink(kafka);
        }
    }

    /** The job engine and its sweeper, in a worker: one that declares which jobs it runs as a {@link JobWorker}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(JobWorker.class)
    static class Engine {

        @Bean
        JobMetrics jobMetrics(ObjectProvider<MeterRegistry> registry, JobWorker worker) {
            return new JobMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), worker.commandTopic());
        }

        @Bean
        @ConditionalOnBean(KafkaTemplate.class)
        CommandTopic commandTopic(KafkaTemplate<String, Object> kafka, JobWorker worker) {
            return new KafkaCommandTopic(kafka, worker.commandTopic());
        }

        @Bean
        JobEngine jobEngine(JobStore jobs, MongoDatabase database, ObjectProvider<JobEventSink> events, JobQueries queries,
                JobLedger ledger, ProcessedCommands processed, JobMetrics metrics, JobWorker worker,
                ObjectProvider<CommandTopic> topic, Clock clock) {
            var held = new HeldJobs(database, clock, events.getIfAvailable(() -> JobEventSink.NONE));
            return new JobEngine(jobs, held, queries, ledger, processed, metrics, worker,
                    topic.getIfAvailable(() -> CommandTopic.NONE), clock);
        }

        @Bean
        @ConditionalOnBean(CommandTopic.class)
        ScheduledJobSweeper scheduledJobSweeper(JobStore jobs, JobQueries queries, JobOutbox outbox, JobLedger ledger,
                JobMetrics metrics, JobWorker worker, CommandTopic topic, ObjectProvider<MeterRegistry> registry,
                MongoDatabase database) {
            var gauges = new JobGauges(registry.getIfAvailable(SimpleMeterRegistry::new), queries, worker);
            var marked = new MarkedItems(database.getCollection(CollectionNames.ITEMS));
            return new ScheduledJobSweeper(new JobSweeper(jobs, queries, outbox, ledger, marked, metrics, worker), gauges,
                    worker, topic);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        // why: named like Boot's own indicator, which it replaces: that one sends 'hello', which the
        // embedded wire-protocol server does not know; a real write and read works on every MongoDB
        @Bean
        HealthIndicator mongoHealthIndicator(MongoDatabase database) {
            return new MongoHealthIndicator(database);
        }
    }
}
