package io.flowhub.events;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the published contract (contract/asyncapi.yaml and one JSON example per message) in
 * step with the records: a record field added, renamed or removed fails here until the document
 * and the example say the same.
 */
class ContractTests {

    private static final Map<String, Object> ASYNCAPI = asyncApi();

    @Test
    void everyCommandAndEventHasAMessageASchemaAndAnExample() {
        for (Class<?> type : messageTypes()) {
            assertThat(section("components", "messages")).as("message for %s", type.getSimpleName())
                    .containsKey(type.getSimpleName());
            assertThat(section("components", "schemas")).as("schema for %s", type.getSimpleName())
                    .containsKey(type.getSimpleName());
            assertThat(ContractTests.class.getResource(example(type))).as("example for %s", type.getSimpleName())
                    .isNotNull();
        }
    }

    @Test
    void everyExampleDecodesToItsRecordAndEncodesBackUnchanged() throws IOException {
        for (Class<?> type : messageTypes()) {
            JsonNode example;
            try (InputStream in = ContractTests.class.getResourceAsStream(example(type))) {
                example = ContractJson.mapper().readTree(in);
            }
            Class<?> root = rootOf(type);

            Object decoded = ContractJson.mapper().treeToValue(example, root);

            assertThat(decoded).as(type.getSimpleName()).isInstanceOf(type);
            // why: read back from text, so numbers compare by value, not by the Java type that wrote them
            JsonNode encoded = ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(decoded));
            assertThat(encoded).as(type.getSimpleName()).isEqualTo(example);
        }
    }

    @Test
    void everySchemaNamesExactlyTheRecordsFields() {
        var types = new ArrayList<Class<?>>(messageTypes());
        types.add(SelectionFilter.class);
        types.add(JobSnapshot.class);
        for (Class<?> type : types) {
            @SuppressWarnings("unchecked")
            var schema = (Map<String, Object>) section("components", "schemas").get(type.getSimpleName());
            @SuppressWarnings("unchecked")
            var properties = ((Map<String, Object>) schema.get("properties")).keySet();
            Set<String> fields = new LinkedHashSet<>();
            if (messageTypes().contains(type)) {
                fields.add("type");
            }
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
            }

            assertThat(properties).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(fields);
        }
    }

    @Test
    void theChannelsAreTheTopics() {
        @SuppressWarnings("unchecked")
        var channels = (Map<String, Map<String, Object>>) ASYNCAPI.get("channels");

        assertThat(channels.get("bulkCommands").get("address")).isEqualTo(Topics.BULK_COMMANDS);
        assertThat(channels.get("jobEvents").get("address")).isEqualTo(Topics.JOB_EVENTS);
        assertThat(channels.get("cleanupCommands").get("address")).isEqualTo(Topics.CLEANUP_COMMANDS);
        @SuppressWarnings("unchecked")
        var commandMessages = ((Map<String, Object>) channels.get("bulkCommands").get("messages")).keySet();
        assertThat(commandMessages).containsExactlyInAnyOrderElementsOf(
                Stream.of(BulkCommand.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }

    private static List<Class<?>> messageTypes() {
        return Stream.of(BulkCommand.class, CleanupCommand.class, JobEvent.class)
                .flatMap(root -> Stream.of(root.getPermittedSubclasses())).toList();
    }

    private static Class<?> rootOf(Class<?> type) {
        return Stream.of(BulkCommand.class, CleanupCommand.class, JobEvent.class)
                .filter(root -> root.isAssignableFrom(type)).findFirst().orElseThrow();
    }

    private static String example(Class<?> type) {
        return "/contract/examples/" + type.getSimpleName() + ".json";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String... path) {
        Map<String, Object> current = ASYNCAPI;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    private static Map<String, Object> asyncApi() {
        try (InputStream in = ContractTests.class.getResourceAsStream("/contract/asyncapi.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
