package io.flowhub.store.spring;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.flowhub.store.activity.ActivityLog;
import io.flowhub.store.audit.AuditLog;
import io.flowhub.store.policy.EnvironmentPolicy;
import io.flowhub.store.policy.PolicySettings;
import io.flowhub.store.tx.Transactions;
import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.file.FileSettings;
import io.flowhub.store.file.FileStore;
import io.flowhub.store.job.JobEventSink;
import io.flowhub.store.job.JobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.kafka.core.KafkaTemplate;
import io.flowhub.store.migration.MigrationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The FlowHub database, its migrations (applied at start-up, before any traffic) and the job store. */
@AutoConfiguration(after = {MongoAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties({FileSettings.class, PolicySettings.class})
public class StoreAutoConfiguration {

    static final String DEFAULT_DATABASE = "flowhub";

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
    ActivityLog activityLog(MongoDatabase database, Clock clock) {
        return new ActivityLog(database, clock);
    }

    @Bean
    AuditLog auditLog(MongoDatabase database, Clock clock) {
        return new AuditLog(database, clock);
    }

    @Bean
    AdminAccount adminAccount(MongoDatabase database, Clock clock) {
        return new AdminAccount(database, clock);
    }

    @Bean
    Transactions transactions(MongoClient client) {
        return new Transactions(client);
    }

    @Bean
    EnvironmentPolicy environmentPolicy(PolicySettings settings) {
        return new EnvironmentPolicy(settings);
    }

    @Bean
    FileStore fileStore(FileSettings settings) {
        return new FileStore(settings.root());
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

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        // why: named like Boot's own indicator, which it replaces: that one sends 'hello', which the
        // embedded wire-protocol server does not know; 'ping' works on every MongoDB
        @Bean
        HealthIndicator mongoHealthIndicator(MongoDatabase database) {
            return new MongoPingHealthIndicator(database);
        }
    }
}
