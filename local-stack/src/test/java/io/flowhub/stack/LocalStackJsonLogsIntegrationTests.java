package io.flowhub.stack;

import io.flowhub.embedded.Ports;
import io.flowhub.testing.JarProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local stack's one switch to JSON logs: its executable jar run with {@code --log-format=json} logs the services'
 * lines as JSON objects (ECS), the stack as their service and each service's classes as their loggers.
 */
class LocalStackJsonLogsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withLogFormatJsonTheServicesLogOneJsonObjectALine(@TempDir Path dataDir) throws Exception {
        Optional<Path> jar = JarProcess.built("local-stack");
        Assumptions.assumeTrue(jar.isPresent(), "The local stack's executable jar is not built (run through mvn"
                + " verify): its JSON logs are not tested");
        var arguments = new ArrayList<>(List.of("--log-format=json", "--data-dir=" + dataDir));
        for (String port : List.of("kafka-port", "kafka-controller-port", "mongodb-port", "gateway-port",
                "bulk-worker-port", "cleanup-worker-port")) {
            arguments.add("--" + port + "=" + Ports.findFree());
        }
        try (var stack = JarProcess.start(jar.get(), List.of("--enable-native-access=ALL-UNNAMED"), arguments)) {
            JsonNode running = await().atMost(Duration.ofSeconds(150)).until(() -> jsonLine(stack.lines(),
                    "FlowHub Jobs is running"), found -> found != null || !stack.isAlive());
            assertThat(running).as(String.join("\n", stack.lines())).isNotNull();

            assertThat(running.get("log").get("level").asString()).isEqualTo("INFO");
            List<JsonNode> json = stack.lines().stream().filter(line -> line.startsWith("{")).map(JSON::readTree)
                    .toList();
            assertThat(json).hasSizeGreaterThan(10).allSatisfy(line -> assertThat(line.path("service").path("name")
                    .asString()).isEqualTo(StackSettings.JSON_SERVICE_NAME));
            assertThat(json).extracting(line -> line.path("log").path("logger").asString())
                    .anyMatch(logger -> logger.startsWith("io.flowhub.gateway"))
                    .anyMatch(logger -> logger.startsWith("io.flowhub.store") || logger.startsWith("io.flowhub.engine")
                            || logger.startsWith("io.flowhub.wiring"));
        }
    }

    private static JsonNode jsonLine(List<String> lines, String words) {
        for (String line : lines) {
            if (line.startsWith("{") && line.contains(words)) {
                return JSON.readTree(line);
            }
        }
        return null;
    }
}
