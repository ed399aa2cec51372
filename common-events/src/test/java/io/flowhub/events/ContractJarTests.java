package io.flowhub.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract jar is what an outside producer adds to publish commands: the records, the codec and
 * the schema, on Jackson alone. These tests run on that classpath.
 */
class ContractJarTests {

    @Test
    void bringsNeitherSpringNorAKafkaClient() {
        List<String> frameworkClasses = List.of(
                "org.springframework.context.ApplicationContext",
                "org.springframework.boot.SpringApplication",
                "org.springframework.kafka.core.KafkaTemplate",
                "org.apache.kafka.clients.producer.KafkaProducer");

        assertThat(frameworkClasses).noneMatch(ContractJarTests::loadable);
    }

    @Test
    void encodesACommandWithTheCodecAlone() {
        var command = new SoftDeleteItems(SchemaVersion.CURRENT, UUID.randomUUID(), null, null, false,
                List.of("665f1f77bcf86cd799439012"), null, null, Instant.parse("2026-11-28T00:00:00Z"));

        String json = ContractJson.mapper().writeValueAsString(command);

        assertThat(ContractJson.mapper().readValue(json, BulkCommand.class)).isEqualTo(command);
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, ContractJarTests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
