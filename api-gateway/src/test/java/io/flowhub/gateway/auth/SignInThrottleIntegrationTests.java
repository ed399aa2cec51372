package io.flowhub.gateway.auth;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle, on a gateway of its own beside the shared stack (whose gateway allows every
 * test's sign-ins): the shared services share its database, so its users can sign in here too.
 */
@ExtendWith(FlowHubStackExtension.class)
class SignInThrottleIntegrationTests {

    private final TestStack stack;

    SignInThrottleIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void anAddressGetsTenAttemptsThenA429ThatSaysWhenToRetryWhetherOrNotItHasAnAccount() {
        TestUser user = stack.newEditor();
        String ghost = "ghost-" + UUID.randomUUID() + "@example.com";
        try (var gateway = stack.startGateway()) {
            GatewayClient client = GatewayClient.anonymousOn(gateway.gatewayPort());

            for (int attempt = 1; attempt <= 10; attempt++) {
                assertThat(login(client, user.email(), "wrong password").status()).isEqualTo(401);
                assertThat(login(client, ghost, "wrong password").status()).isEqualTo(401);
            }
            var eleventh = login(client, user.email(), user.password());
            var ghostEleventh = login(client, ghost, "wrong password");
            var codeRequest = client.post("/api/v1/auth/otp/request", "{\"email\":\"" + user.email() + "\"}");
            var codeCheck = client.post("/api/v1/auth/otp/verify",
                    "{\"email\":\"" + user.email().toUpperCase() + "\",\"code\":\"123456\"}");
            var someoneElse = login(client, stack.newEditor().email(), "wrong password");

            assertThat(eleventh.status()).isEqualTo(429);
            assertThat(Long.parseLong(eleventh.header("Retry-After"))).isPositive();
            assertThat(eleventh.header("Content-Type")).startsWith("application/problem+json");
            assertThat(eleventh.json().get("detail").asString()).contains("this address");
            assertThat(ghostEleventh.status()).isEqualTo(429);
            assertThat(ghostEleventh.json().get("detail").asString())
                    .isEqualTo(eleventh.json().get("detail").asString());
            assertThat(codeRequest.status()).isEqualTo(429);
            assertThat(codeCheck.status()).isEqualTo(429);
            assertThat(someoneElse.status()).isEqualTo(401);
        }
    }

    @Test
    void aClientGetsItsAttemptsWhicheverAddressesItNamesAndEachRefusalIsCountedForTheDashboard() {
        try (var gateway = stack.startGateway("--flowhub.auth.throttle.per-client=3")) {
            GatewayClient client = GatewayClient.anonymousOn(gateway.gatewayPort());

            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(login(client, "guess-" + attempt + "-" + UUID.randomUUID() + "@example.com", "password")
                        .status()).isEqualTo(401);
            }
            var fourth = login(client, "guess-4-" + UUID.randomUUID() + "@example.com", "password");

            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.json().get("detail").asString()).contains("this client");
            assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(throttled(client, "sign_in")).isEqualTo(1.0);
            assertThat(throttled(client, "active_jobs")).isZero();
        }
    }


    /** @return the gateway's {@code flowhub_requests_throttled_total} of one limit, as Prometheus reads it */
    private static double throttled(GatewayClient client, String limit) {
        return client.get("/actuator/prometheus").text().lines()
                .filter(line -> line.startsWith("flowhub_requests_throttled_total{")
                        && line.contains("limit=\"" + limit + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no flowhub_requests_throttled_total for " + limit));
    }

    private static GatewayClient.Response login(GatewayClient client, String email, String password) {
        return client.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }
}
