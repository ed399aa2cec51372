package io.flowhub.gateway.internal;

import io.flowhub.testing.AllAtOnce;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Run leases through the gateway: {@code PUT /internal/runs/{runId}} sets one, {@code X-FlowHub-Run-TTL} on a call
 * carrying the run extends it but never shortens it, {@code GET /internal/runs} lists every run with what it holds,
 * and bad values are 400s that say what to fix.
 */
@ExtendWith(FlowHubStackExtension.class)
class RunLeasesIntegrationTests {

    private final TestStack stack;
    private final GatewayClient internal;

    RunLeasesIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void aLeaseIsSetByTheKeyExtendedByTheHeaderButNeverShortenedByIt() {
        TestUser user = stack.newEditor();
        String run = "leased-" + UUID.randomUUID();

        var leased = internal.put("/api/v1/internal/runs/" + run, "{\"ttl_seconds\":600}");
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run).withHeader("X-FlowHub-Run-TTL", "5"), 2);
        Instant afterShortHeader = expiresAt(run);
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run).withHeader("X-FlowHub-Run-TTL", "3600"), 1);

        assertThat(leased.status()).as(leased.text()).isEqualTo(200);
        assertThat(Instant.parse(leased.data().get("expires_at").asString()))
                .isCloseTo(Instant.now().plusSeconds(600), within(Duration.ofSeconds(60)));
        assertThat(afterShortHeader).isEqualTo(Instant.parse(leased.data().get("expires_at").asString()));
        assertThat(expiresAt(run)).isCloseTo(Instant.now().plusSeconds(3600), within(Duration.ofSeconds(60)));
        JsonNode shown = internal.get("/api/v1/internal/runs/" + run).data();
        assertThat(shown.get("items").asLong()).isEqualTo(3);
        assertThat(shown.get("users").asLong()).isZero();
        assertThat(shown.get("created_at").asString()).isNotBlank();
    }

    @Test
    void manyCallsAtOnceOverTwoGatewaysStartOneLeaseAndEachAnswers() throws Exception {
        TestUser user = stack.newEditor();
        String run = "raced-" + UUID.randomUUID();
        try (var second = stack.startGateway()) {
            GatewayClient one = user.gateway().withHeader("X-FlowHub-Run", run).withHeader("X-FlowHub-Run-TTL", "600");
            GatewayClient two = GatewayClient.anonymousOn(second.gatewayPort()).withToken(user.token())
                    .withHeader("X-FlowHub-Run", run).withHeader("X-FlowHub-Run-TTL", "600");
            GatewayClient keyTwo = GatewayClient.anonymousOn(second.gatewayPort())
                    .withHeader("x-internal-key", stack.internalKey());

            var answers = AllAtOnce.send(16, request -> switch (request % 3) {
                case 0 -> one.get("/api/v1/items");
                case 1 -> two.get("/api/v1/items");
                default -> (request % 2 == 0 ? internal : keyTwo).put("/api/v1/internal/runs/" + run,
                        "{\"ttl_seconds\":600}");
            });

            assertThat(answers).extracting(GatewayClient.Response::status).containsOnly(200);
            assertThat(stack.database().getCollection("runs").countDocuments(eq("_id", run))).isOne();
            assertThat(expiresAt(run)).isCloseTo(Instant.now().plusSeconds(600), within(Duration.ofSeconds(60)));
        }
    }

    @Test
    void theListShowsRunsWithALeaseAndRunsThatItemsOrUsersCarry() {
        TestUser user = stack.newEditor();
        String leased = "listed-leased-" + UUID.randomUUID();
        String carried = "listed-carried-" + UUID.randomUUID();
        internal.put("/api/v1/internal/runs/" + leased, "{\"ttl_seconds\":60}");
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", carried), 2);
        internal.withHeader("X-FlowHub-Run", carried).post("/api/v1/internal/users", "{}");

        var list = internal.get("/api/v1/internal/runs");

        assertThat(list.status()).isEqualTo(200);
        JsonNode runs = list.data();
        assertThat(runs.toString()).contains(leased, carried);
        for (JsonNode run : runs) {
            if (run.get("run_id").asString().equals(carried)) {
                assertThat(run.get("items").asLong()).isEqualTo(2);
                assertThat(run.get("users").asLong()).isEqualTo(1);
                assertThat(run.has("expires_at")).isFalse();
            }
        }
    }

    @Test
    void badLeasesAreA400AndAnUnknownRunA404() {
        TestUser user = stack.newEditor();

        var noTtl = internal.put("/api/v1/internal/runs/some-run", "{}");
        var tooLong = internal.put("/api/v1/internal/runs/some-run", "{\"ttl_seconds\":99999999}");
        var badRun = internal.put("/api/v1/internal/runs/has%20space", "{\"ttl_seconds\":60}");
        var badHeader = user.gateway().withHeader("X-FlowHub-Run", "r-" + UUID.randomUUID())
                .withHeader("X-FlowHub-Run-TTL", "soon").get("/api/v1/items");
        var headerAlone = user.gateway().withHeader("X-FlowHub-Run-TTL", "60").get("/api/v1/items");
        var unknown = internal.get("/api/v1/internal/runs/never-" + UUID.randomUUID());
        var anonymous = stack.anonymous().put("/api/v1/internal/runs/some-run", "{\"ttl_seconds\":60}");

        assertThat(noTtl.status()).isEqualTo(400);
        assertThat(noTtl.json().get("detail").asString()).contains("ttl_seconds");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(badRun.status()).isEqualTo(400);
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(badHeader.json().get("detail").asString()).contains("X-FlowHub-Run-TTL");
        assertThat(headerAlone.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private Instant expiresAt(String run) {
        return Instant.parse(internal.get("/api/v1/internal/runs/" + run).data().get("expires_at").asString());
    }
}
