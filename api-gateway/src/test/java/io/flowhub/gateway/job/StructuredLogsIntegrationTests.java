package io.flowhub.gateway.job;

import io.flowhub.embedded.Ports;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.JarProcess;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.WaitingJobs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
        Optional<Path> jar = JarProcess.built("api-gateway");
        Assumptions.assumeTrue(jar.isPresent(), "The executable jar is not built (run through mvn verify): "
                + "the gateway's own logging is not tested");
        int port = Ports.findFree();
        try (var gateway = JarProcess.start(jar.get(), List.of(), List.of("--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + stack.mongoUri(), "--flowhub.files.root=" + stack.filesRoot()))) {
            var client = GatewayClient.anonymousOn(port);
            await().atMost(Duration.ofSeconds(90)).until(() -> healthy(client));
            String email = "logs-" + UUID.randomUUID() + "@example.com";
            client.post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\","
                    + "\"name\":\"Logs\"}");
            String token = client.post("/api/v1/auth/login", "{\"email\":\"" + email
                    + "\",\"password\":\"correct horse battery\"}").data().get("token").asString();
            String job = client.withToken(token).delete("/api/v1/items?tags=logs").json().get("job_id").asString();

            JsonNode published = await().atMost(Duration.ofSeconds(30)).until(() -> published(gateway.lines(), job),
                    found -> found != null);

            assertThat(published.get("job_id").asString()).isEqualTo(job);
            assertThat(published.get("command_id").asString()).hasSize(36);
            assertThat(published.get("message").asString()).contains("Published");
            assertThat(gateway.lines()).filteredOn(line -> line.startsWith("{")).hasSizeGreaterThan(10);

            String queued = WaitingJobs.record(stack.database(), "cleanup", "purge_user_data", Instant.now());
            var cancelled = client.withHeader("x-internal-key", stack.internalKey())
                    .post("/api/v1/internal/jobs/" + queued + "/cancel", "");
            assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
            JsonNode cancelLine = await().atMost(Duration.ofSeconds(30)).until(() -> logged(gateway.lines(), queued,
                    "was cancelled"), found -> found != null);
            assertThat(cancelLine.get("job_id").asString()).isEqualTo(queued);
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
}
