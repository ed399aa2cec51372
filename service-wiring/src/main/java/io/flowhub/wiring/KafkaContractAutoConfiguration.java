package io.flowhub.wiring;

import io.flowhub.events.ContractJson;
import io.flowhub.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka side of the contract for the FlowHub services: the topics (created if missing),
 * JSON values written with {@link ContractJson}, and a Kafka health indicator.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaTopicSettings.class)
public class KafkaContractAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics flowhubTopics(KafkaTopicSettings settings) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.BULK_COMMANDS, settings),
                topic(Topics.deadLetter(Topics.BULK_COMMANDS), settings),
                topic(Topics.CLEANUP_COMMANDS, settings),
                topic(Topics.deadLetter(Topics.CLEANUP_COMMANDS), settings),
                topic(Topics.JOB_EVENTS, settings));
    }

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaProducerFactoryCustomizer contractJsonValues() {
        // why: a dead-lettered record that could not be decoded is republished as its raw bytes;
        // everything else is a contract record written as JSON without type headers.
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, new JacksonJsonSerializer<>(ContractJson.mapper()).noTypeInfo());
        var serializer = new DelegatingByTypeSerializer(byType, true);
        return factory -> ((DefaultKafkaProducerFactory<Object, Object>) factory).setValueSerializer(serializer);
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaTopicSettings settings) {
        return new KafkaHealthIndicator(admin, settings.healthTimeout());
    }

    private static NewTopic topic(String name, KafkaTopicSettings settings) {
        return TopicBuilder.name(name)
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .build();
    }
}
