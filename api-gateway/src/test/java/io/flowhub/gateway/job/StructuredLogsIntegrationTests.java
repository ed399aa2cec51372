package io.flowhub.gateway.job;

import io.flowhub.embedded.Ports;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway run on its own, as a container runs it (its executable jar, Spring Boot's own logging):
 * every line is a JSON object, the line that says a job's command was published carries the
 * job's {@code job_id} and {@code command_id} as fields, and the line of a job's cancel its {@code job_id}.
 */
@ExtendWith(FlowHubStackExtension.class)
class StructuredLogsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;

    StructuredLogsIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aGatewayOnItsOwnLogsJsonWithTheJobAndCommandIdsWhereItHandlesAJob() throws Exception {
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(path -> path.getFileName().toString().matches("api-gateway-.*-exec\\.jar"))
                    .findFirst().orElse(null);
        }
        Assumptions.assumeTrue(jar != null, "The executable jar is not built (run through mvn verify): "
                + "the gateway's own logging is not tested");
        int port = Ports.findFree();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process gateway = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + stack.mongoUri(), "--flowhub.files.root=" + stack.filesRoot())
                .redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (Exception e) {
                // why: the process ended; what it wrote is in the lines already
            }
        });
        try {
            var client = GatewayClient.anonymousOn(port);
            await().atMost(Duration.ofSeconds(90)).until(() -> healthy(client));
            String email = "logs-" + UUID.randomUUID() + "@example.com";
            client.post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\","
                    + "\"name\":\"Logs\"}");
            String token = client.post("/api/v1/auth/login", "{\"email\":\"" + email
                    + "\",\"password\":\"correct horse battery\"}").data().get("token").asString();
            String job = client.withToken(token).delete("/api/v1/items?tags=logs").json().get("job_id").asString();

            JsonNode published = await().atMost(Duration.ofSeconds(30)).until(() -> published(lines, job),
                    found -> found != null);

            assertThat(published.get("job_id").asString()).isEqualTo(job);
            assertThat(published.get("command_id").asString()).hasSize(36);
            assertThat(published.get("message").asString()).contains("Published");
            assertThat(new ArrayList<>(lines)).filteredOn(line -> line.startsWith("{")).hasSizeGreaterThan(10);

            String queued = queuedJob();
            var cancelled = client.withHeader("x-internal-key", stack.internalKey())
                    .post("/api/v1/internal/jobs/" + queued + "/cancel", "");
            assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
            JsonNode cancelLine = await().atMost(Duration.ofSeconds(30)).until(() -> logged(lines, queued,
                    "was cancelled"), found -> found != null);
            assertThat(cancelLine.get("job_id").asString()).isEqualTo(queued);
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }

    private static boolean healthy(GatewayClient client) {
        try {
            return client.get("/actuator/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static JsonNode published(List<String> lines, String job) {
        return logged(lines, job, "Published");
    }

    /** @return the first JSON line naming the job whose message holds {@code words}, or {@code null} */
    private static JsonNode logged(List<String> lines, String job, String words) {
        for (String line : lines) {
            if (line.startsWith("{") && line.contains(job)) {
                JsonNode entry = JSON.readTree(line);
                if (entry.path("message").asString().contains(words)) {
                    return entry;
                }
            }
        }
        return null;
    }

    /** @return a job recorded and waiting for a worker (none takes it: the test runs no worker for it) */
    private String queuedJob() {
        ObjectId id = new ObjectId();
        Date now = new Date();
        stack.database().getCollection("jobs").insertOne(new Document("_id", id).append("kind", "cleanup")
                .append("operation", "purge_user_data").append("owner_type", "key").append("owner_id", "logs")
                .append("command_id", UUID.randomUUID().toString()).append("status", "queued").append("progress", 0)
                .append("total_items", 0L).append("processed", 0L).append("skipped", 0L).append("failed", 0L)
                .append("attempts", 0).append("created_at", now).append("updated_at", now));
        return id.toHexString();
    }
}
