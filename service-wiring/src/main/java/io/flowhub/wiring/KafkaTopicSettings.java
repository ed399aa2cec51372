package io.flowhub.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the services create the FlowHub topics when they are missing.
 *
 * @param partitions        partitions per topic: the most worker instances that can share a topic
 * @param replicationFactor copies of each partition; 1 for a single local broker
 * @param healthTimeout     how long the health check waits for the cluster to answer
 */
@ConfigurationProperties("flowhub.kafka")
public record KafkaTopicSettings(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("5s") Duration healthTimeout) {
}
