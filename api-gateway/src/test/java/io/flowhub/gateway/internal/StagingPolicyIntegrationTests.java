package io.flowhub.gateway.internal;

import io.flowhub.gateway.GatewayApplication;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
            var response = askForReset(gateway, key);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("not allowed in staging");
            assertThat(stack.database().getCollection("audit_logs").find(eq("outcome", "denied: policy"))
                    .sort(new Document("at", -1)).first().getString("environment")).isEqualTo("staging");
        }
    }

    @Test
    void theDocumentedVariablesSetTheSettingsTheyName() throws Exception {
        String key = "staging-" + UUID.randomUUID();
        // why: a staging gateway given the built-in JWT secret or admin password would not start, so starting
        // shows those two variables were read; the key and the environment show in its answer
        String[] variables = common("--FLOWHUB_ENVIRONMENT=staging", "--FLOWHUB_INTERNAL_KEY=" + key,
                "--FLOWHUB_JWT_SECRET=" + "staging-secret-".repeat(3), "--FLOWHUB_ADMIN_PASSWORD=" + UUID.randomUUID());
        try (var gateway = GatewayApplication.builder().registerShutdownHook(false).run(variables)) {
            var response = askForReset(gateway, key);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("not allowed in staging");
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
        String[] emptyKeyInDevelopment = common("--flowhub.environment=development", "--flowhub.internal-key=");

        assertThatThrownBy(() -> GatewayApplication.builder().registerShutdownHook(false).run(shortKey))
                .hasStackTraceContaining("needs the internal key (flowhub.internal-key, FLOWHUB_INTERNAL_KEY) of at "
                        + "least 32 characters");
        assertThatThrownBy(() -> GatewayApplication.builder().registerShutdownHook(false).run(emptyKeyInDevelopment))
                .hasStackTraceContaining("FLOWHUB_INTERNAL_KEY) is empty");
    }

    private static HttpResponse<String> askForReset(ConfigurableApplicationContext gateway, String key)
            throws Exception {
        int port = gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/internal/reset"))
                .header("x-internal-key", key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return a staging gateway's arguments with this internal key and real secrets */
    private String[] arguments(String key) {
        return common("--flowhub.environment=staging", "--flowhub.internal-key=" + key,
                "--flowhub.auth.jwt-secret=" + "staging-secret-".repeat(3),
                "--flowhub.auth.bootstrap-admin.password=" + UUID.randomUUID());
    }

    /** @return the arguments that point a gateway at the test stack, then these */
    private String[] common(String... settings) {
        var arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + stack.mongoUri(),
                "--server.port=0",
                "--flowhub.files.root=" + stack.filesRoot(),
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(settings));
        return arguments.toArray(String[]::new);
    }
}
