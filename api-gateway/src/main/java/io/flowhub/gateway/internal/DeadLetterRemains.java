package io.flowhub.gateway.internal;

import io.flowhub.events.Topics;
import io.flowhub.gateway.job.RemainsElsewhere;
import io.flowhub.gateway.system.ServiceUnavailableException;
import io.flowhub.engine.erasure.Receipt;
import io.flowhub.engine.Job;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the dead-letter topics keep of a purged user: every record whose key or value names the user's
 * id, and until when its topic's {@code retention.ms} keeps the newest ({@code null} for a topic that
 * keeps records for good). A topic that cannot be read now is listed with {@code -1}, so the receipt
 * is not verified on a look that did not happen.
 */
@Component
class DeadLetterRemains implements RemainsElsewhere {

    private final DeadLetters deadLetters;
    private final KafkaProperties kafka;

    DeadLetterRemains(DeadLetters deadLetters, KafkaProperties kafka) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
    }

    @Override
    public List<Receipt.Store> of(Job job) {
        if (job.targetUserId() == null) {
            return List.of();
        }
        String user = job.targetUserId().toString();
        return DeadLetters.TOPICS.stream().map(topic -> {
            String name = Topics.deadLetter(topic);
            try {
                List<ConsumerRecord<byte[], byte[]>> naming = deadLetters.all(topic).stream()
                        .filter(record -> names(record.key(), user) || names(record.value(), user)).toList();
                if (naming.isEmpty()) {
                    return new Receipt.Store(name, 0, null);
                }
                Long retention = retentionMillis(name);
                Instant newest = naming.stream().map(DeadLetters::at).max(Instant::compareTo).orElseThrow();
                return new Receipt.Store(name, naming.size(),
                        retention == null || retention < 0 ? null : newest.plusMillis(retention));
            } catch (ServiceUnavailableException | KafkaException e) {
                return new Receipt.Store(name, -1, null);
            }
        }).toList();
    }

    private static boolean names(byte[] bytes, String text) {
        return bytes != null && new String(bytes, StandardCharsets.UTF_8).contains(text);
    }

    /** @return the topic's {@code retention.ms}, or {@code null} when the broker does not say */
    private Long retentionMillis(String topic) {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.RETENTION_MS_CONFIG);
            return entry == null || entry.value() == null ? null : Long.parseLong(entry.value());
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Kafka did not describe " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while describing " + topic, e);
        }
    }
}
