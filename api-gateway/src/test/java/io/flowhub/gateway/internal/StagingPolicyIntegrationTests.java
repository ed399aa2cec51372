package io.flowhub.gateway.internal;

import io.flowhub.gateway.GatewayApplication;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A gateway configured for staging: its own key, a 403 for a full reset, and no start with a built-in,
 * short or empty secret (the cleanup worker's own check: {@code CleanupWorkerSecretsIntegrationTests}).
 */
@ExtendWith(FlowHubStackExtension.class)
class StagingPolicyIntegrationTests {

    private final TestStack stack;

    StagingPolicyIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aStagingGatewayRefusesAFullResetWithAReasonAndAuditsTheDenial() throws Exception {
        String key = "staging-" + UUID.randomUUID();
        try (var gateway = GatewayApplication.builder().registerShutdownHook(false).run(arguments(key))) {
            int port = gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/internal/reset"))
                    .header("x-internal-key", key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("not allowed in staging");
            assertThat(stack.database().getCollection("audit_logs").find(eq("outcome", "denied: policy"))
                    .sort(new Document("at", -1)).first().getString("environment")).isEqualTo("staging");
        }
    }

    @Test
    void aStagingServiceRefusesToStartWithTheBuiltInKey() {
        assertThatThrownBy(() -> GatewayApplication.builder().registerShutdownHook(false)
                .run(arguments("flowhub-secret-automation-key-2025")))
                .hasStackTraceContaining("must not use the built-in value of the internal key");
    }

    @Test
    void aShortSecretIsRefusedInStagingAndAnEmptyInternalKeyEverywhere() {
        String[] shortKey = arguments("short-key");
        String[] emptyKeyInDevelopment = arguments("");
        emptyKeyInDevelopment[3] = "--flowhub.environment=development";

        assertThatThrownBy(() -> GatewayApplication.builder().registerShutdownHook(false).run(shortKey))
                .hasStackTraceContaining("needs the internal key (flowhub.internal-key, FLOWHUB_INTERNAL_KEY) of at "
                        + "least 32 characters");
        assertThatThrownBy(() -> GatewayApplication.builder().registerShutdownHook(false).run(emptyKeyInDevelopment))
                .hasStackTraceContaining("FLOWHUB_INTERNAL_KEY) is empty");
    }

    private String[] arguments(String key) {
        return new String[] {
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + stack.mongoUri(),
                "--server.port=0",
                "--flowhub.environment=staging",
                "--flowhub.internal-key=" + key,
                "--flowhub.auth.jwt-secret=" + "staging-secret-".repeat(3),
                "--flowhub.auth.bootstrap-admin.password=" + UUID.randomUUID(),
                "--flowhub.files.root=" + stack.filesRoot(),
                "--spring.main.banner-mode=off"};
    }
}
