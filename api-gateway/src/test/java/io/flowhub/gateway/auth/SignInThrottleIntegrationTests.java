package io.flowhub.gateway.auth;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle, on a gateway of its own beside the shared stack (whose gateway allows every
 * test's sign-ins): the shared services share its database, so its users can sign in here too.
 */
@ExtendWith(FlowHubStackExtension.class)
class SignInThrottleIntegrationTests {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    /** why: every test calls from this machine; as a trusted proxy it names the client each test pretends to be */
    private static final String TRUST_THIS_MACHINE = "--flowhub.gateway.trusted-proxies=127.0.0.1,::1";

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


    @Test
    void anAddressesAttemptsAreCountedOnceAcrossTwoGatewaysAndARestart() {
        TestUser user = stack.newEditor();
        String client = someClient();
        try (var one = stack.startGateway(TRUST_THIS_MACHINE)) {
            GatewayClient first = GatewayClient.anonymousOn(one.gatewayPort()).withHeader(FORWARDED_FOR, client);
            int eleventh;
            try (var other = stack.startGateway(TRUST_THIS_MACHINE)) {
                GatewayClient second = GatewayClient.anonymousOn(other.gatewayPort()).withHeader(FORWARDED_FOR, client);
                for (int attempt = 1; attempt <= 10; attempt++) {
                    assertThat(login(attempt % 2 == 0 ? first : second, user.email(), "wrong password").status())
                            .isEqualTo(401);
                }
                eleventh = login(second, user.email(), user.password()).status();
            }
            try (var restarted = stack.startGateway(TRUST_THIS_MACHINE)) {
                GatewayClient third = GatewayClient.anonymousOn(restarted.gatewayPort()).withHeader(FORWARDED_FOR, client);

                assertThat(eleventh).isEqualTo(429);
                assertThat(login(first, user.email(), user.password()).status()).isEqualTo(429);
                assertThat(login(third, user.email(), user.password()).status()).isEqualTo(429);
            }
        }
    }

    @Test
    void aStrangersWrongPasswordsNeverLockTheOwnerOutOfSigningInFromTheOwnersOwnClientTheAdminIncluded() {
        TestUser admin = stack.admin();
        try (var gateway = stack.startGateway(TRUST_THIS_MACHINE)) {
            GatewayClient stranger = GatewayClient.anonymousOn(gateway.gatewayPort()).withHeader(FORWARDED_FOR, someClient());
            GatewayClient owner = GatewayClient.anonymousOn(gateway.gatewayPort()).withHeader(FORWARDED_FOR, someClient());

            var answers = IntStream.rangeClosed(1, 11).mapToObj(attempt -> login(stranger, admin.email(), "guess " + attempt)
                    .status()).toList();

            assertThat(answers).containsExactly(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429);
            assertThat(login(owner, admin.email(), admin.password()).status()).isEqualTo(200);
        }
    }

    @Test
    void theGuessesAtOneAddressStayBoundedHoweverManyClientsTheyComeFrom() {
        TestUser user = stack.newEditor();
        try (var gateway = stack.startGateway(TRUST_THIS_MACHINE, "--flowhub.auth.throttle.per-address=15")) {
            var answers = new ArrayList<Integer>();
            for (int client = 0; client < 4; client++) {
                GatewayClient guesser = GatewayClient.anonymousOn(gateway.gatewayPort()).withHeader(FORWARDED_FOR, someClient());
                for (int attempt = 0; attempt < 5; attempt++) {
                    answers.add(login(guesser, user.email(), "guess " + client + "/" + attempt).status());
                }
            }

            assertThat(answers.stream().filter(status -> status == 401)).hasSize(15);
            assertThat(answers.subList(15, 20)).containsOnly(429);
        }
    }

    @Test
    void aForwardedForHeaderIsIgnoredUnlessATrustedProxySentIt() {
        TestUser user = stack.newEditor();
        try (var gateway = stack.startGateway("--flowhub.gateway.trusted-proxies=10.9.8.7")) {
            var answers = IntStream.rangeClosed(1, 11).mapToObj(attempt -> login(GatewayClient
                    .anonymousOn(gateway.gatewayPort()).withHeader(FORWARDED_FOR, someClient()), user.email(), "guess")
                    .status()).toList();

            assertThat(answers.getLast()).isEqualTo(429);
        }
    }

    @Test
    void aClientRegistersSoManyAccountsAtATime() {
        try (var gateway = stack.startGateway(TRUST_THIS_MACHINE, "--flowhub.auth.throttle.registrations-per-client=2")) {
            GatewayClient busy = GatewayClient.anonymousOn(gateway.gatewayPort()).withHeader(FORWARDED_FOR, someClient());
            GatewayClient other = GatewayClient.anonymousOn(gateway.gatewayPort()).withHeader(FORWARDED_FOR, someClient());

            var answers = IntStream.range(0, 3).mapToObj(account -> register(busy).status()).toList();

            assertThat(answers).containsExactly(201, 201, 429);
            assertThat(register(busy).header("Retry-After")).isNotBlank();
            assertThat(register(other).status()).isEqualTo(201);
        }
    }

    /** @return an address from the documentation ranges, new to every bucket */
    private static String someClient() {
        var random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static GatewayClient.Response register(GatewayClient client) {
        return client.post("/api/v1/auth/register", "{\"email\":\"new-" + UUID.randomUUID()
                + "@example.com\",\"password\":\"a long enough password\",\"name\":\"New\"}");
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
