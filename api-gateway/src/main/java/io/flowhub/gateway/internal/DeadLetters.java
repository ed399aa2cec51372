package io.flowhub.gateway.internal;

import io.flowhub.events.Topics;
import io.flowhub.gateway.system.ServiceUnavailableException;
import io.flowhub.wiring.DeadLetterErrorHandler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reads dead-letter topics and sends their records back: each call opens its own consumer, assigned
 * to the partitions (no group, so nothing is committed and nothing else is disturbed), and reads
 * from the end back. A replayed record goes to its source topic with its key and value as received,
 * so the worker's idempotency (command ids, job ledgers) counts it once in its job; one that fails
 * again is dead-lettered again with its new reason.
 */
@Component
class DeadLetters {

    /** The command topics whose dead letters the API shows and replays. */
    static final List<String> TOPICS = List.of(Topics.BULK_COMMANDS, Topics.CLEANUP_COMMANDS);
    static final int SHOWN_CHARACTERS = 2_000;
    /** The header a replayed record carries: where on the dead-letter topic it came from. */
    static final String REPLAY_HEADER = "x-flowhub-replay-of";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProperties kafka;

    DeadLetters(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** @return every record the topic's dead-letter topic keeps now, newest first */
    List<ConsumerRecord<byte[], byte[]>> all(String topic) {
        return newest(topic, Integer.MAX_VALUE);
    }

    /** @return the newest records of the topic's dead-letter topic, at most {@code limit}, newest first */
    List<ConsumerRecord<byte[], byte[]>> newest(String topic, int limit) {
        return unlessKafkaFails(() -> read(topic, limit));
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic, int limit) {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, Topics.deadLetter(topic));
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            var read = new ArrayList<ConsumerRecord<byte[], byte[]>>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begins.get(partition), ends.get(partition) - limit);
                consumer.seek(partition, from);
            }
            readUntil(consumer, ends, read);
            read.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> record) -> record.timestamp()).reversed());
            return read.subList(0, Math.min(limit, read.size()));
        }
    }

    /**
     * @return the records at these places of the topic's dead-letter topic, read with one consumer; a place
     *         that holds none is left out
     */
    Map<DeadLetterController.ReplayRequest.Place, ConsumerRecord<byte[], byte[]>> find(String topic,
            List<DeadLetterController.ReplayRequest.Place> places) {
        return unlessKafkaFails(() -> read(topic, places));
    }

    private Map<DeadLetterController.ReplayRequest.Place, ConsumerRecord<byte[], byte[]>> read(String topic,
            List<DeadLetterController.ReplayRequest.Place> places) {
        var found = new LinkedHashMap<DeadLetterController.ReplayRequest.Place, ConsumerRecord<byte[], byte[]>>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, Topics.deadLetter(topic));
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (var place : places) {
                var partition = new TopicPartition(Topics.deadLetter(topic), place.partition());
                if (!partitions.contains(partition) || place.offset() < begins.get(partition)
                        || place.offset() >= ends.get(partition)) {
                    continue;
                }
                // why: read that one partition from that one offset; the others wait
                consumer.pause(partitions);
                consumer.resume(List.of(partition));
                consumer.seek(partition, place.offset());
                var read = new ArrayList<ConsumerRecord<byte[], byte[]>>();
                readUntil(consumer, Map.of(partition, place.offset() + 1), read);
                read.stream().filter(record -> record.partition() == place.partition()
                        && record.offset() == place.offset()).findFirst().ifPresent(record -> found.put(place, record));
            }
        }
        return found;
    }

    /** Sends dead-lettered records back to their source topic: same key, same value, the reason left behind. */
    void replay(String topic, List<ConsumerRecord<byte[], byte[]>> records) {
        try (var producer = producer()) {
            for (var record : records) {
                var headers = new RecordHeaders();
                for (Header header : record.headers()) {
                    if (!header.key().equals(DeadLetterErrorHandler.REASON_HEADER)
                            && !header.key().startsWith("kafka_dlt")) {
                        headers.add(header);
                    }
                }
                headers.add(REPLAY_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                        .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new ServiceUnavailableException("Kafka did not take a replayed record (" + e.getMessage()
                    + "); what was sent before it stays sent, so try the rest again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
    }

    /** @return what the read gives; a broker that does not answer is a 503, which a retry may get past */
    private static <T> T unlessKafkaFails(Supplier<T> read) {
        try {
            return read.get();
        } catch (KafkaException e) {
            throw new ServiceUnavailableException("Kafka did not answer reading the dead letters: " + e.getMessage(), e);
        }
    }

    static String reason(ConsumerRecord<byte[], byte[]> record) {
        Header reason = record.headers().lastHeader(DeadLetterErrorHandler.REASON_HEADER);
        return reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "..." : text;
    }

    static Instant at(ConsumerRecord<?, ?> record) {
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static void readUntil(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends,
            List<ConsumerRecord<byte[], byte[]>> read) {
        var remaining = new HashMap<>(ends);
        remaining.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
        Instant giveUp = Instant.now().plusSeconds(10);
        while (!remaining.isEmpty() && Instant.now().isBefore(giveUp)) {
            for (var record : consumer.poll(POLL)) {
                read.add(record);
            }
            remaining.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> found = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        return found == null ? List.of() : found.stream().map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> settings = kafka.buildConsumerProperties();
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(settings);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> settings = kafka.buildProducerProperties();
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(settings);
    }
}
