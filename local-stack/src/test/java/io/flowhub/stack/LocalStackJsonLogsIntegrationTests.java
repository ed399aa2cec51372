package io.flowhub.stack;

import io.flowhub.embedded.Ports;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

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
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(path -> path.getFileName().toString().matches("local-stack-.*-exec\\.jar"))
                    .findFirst().orElse(null);
        }
        Assumptions.assumeTrue(jar != null, "The local stack's executable jar is not built (run through mvn verify):"
                + " its JSON logs are not tested");
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "--log-format=json", "--data-dir=" + dataDir));
        for (String port : List.of("kafka-port", "kafka-controller-port", "mongodb-port", "gateway-port",
                "bulk-worker-port", "cleanup-worker-port")) {
            command.add("--" + port + "=" + Ports.findFree());
        }
        Process stack = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (Exception e) {
                // why: the process ended; what it wrote is in the lines already
            }
        });
        try {
            JsonNode running = await().atMost(Duration.ofSeconds(150)).until(() -> jsonLine(lines,
                    "FlowHub Jobs is running"), found -> found != null || !stack.isAlive());
            assertThat(running).as(String.join("\n", lines)).isNotNull();

            assertThat(running.get("log").get("level").asString()).isEqualTo("INFO");
            List<JsonNode> json = lines.stream().filter(line -> line.startsWith("{")).map(JSON::readTree).toList();
            assertThat(json).hasSizeGreaterThan(10).allSatisfy(line -> assertThat(line.path("service").path("name")
                    .asString()).isEqualTo(StackSettings.JSON_SERVICE_NAME));
            assertThat(json).extracting(line -> line.path("log").path("logger").asString())
                    .anyMatch(logger -> logger.startsWith("io.flowhub.gateway"))
                    .anyMatch(logger -> logger.startsWith("io.flowhub.store"));
        } finally {
            stack.destroy();
            stack.waitFor();
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
