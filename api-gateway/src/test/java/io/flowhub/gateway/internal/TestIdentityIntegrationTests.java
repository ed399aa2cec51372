package io.flowhub.gateway.internal;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test identities through the gateway: {@code POST /internal/users} makes a user of the role asked for and
 * answers a token that works at once, with no password anyone could sign in with; made under a run, the user
 * carries the run; bad input is a 4xx that says what to fix; production refuses with a 403.
 */
@ExtendWith(FlowHubStackExtension.class)
class TestIdentityIntegrationTests {

    private final TestStack stack;
    private final GatewayClient internal;

    TestIdentityIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void aTestIdentityHasTheRoleAskedForAndATokenThatWorksAtOnce() {
        var made = internal.post("/api/v1/internal/users", "{\"role\":\"VIEWER\",\"name\":\"Vera Viewer\"}");

        assertThat(made.status()).as(made.text()).isEqualTo(201);
        JsonNode identity = made.data();
        assertThat(identity.get("role").asString()).isEqualTo("VIEWER");
        assertThat(identity.get("name").asString()).isEqualTo("Vera Viewer");
        assertThat(identity.get("email").asString()).endsWith("@identities.flowhub.test");
        assertThat(identity.has("run_id")).isFalse();
        var me = GatewayClient.anonymousOn(stack.services().gatewayPort()).withToken(identity.get("token").asString())
                .get("/api/v1/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().get("_id").asString()).isEqualTo(identity.get("_id").asString());
        assertThat(me.data().get("role").asString()).isEqualTo("VIEWER");
        var signIn = stack.anonymous().post("/api/v1/auth/login", "{\"email\":\"" + identity.get("email").asString()
                + "\",\"password\":\"correct horse battery\"}");
        assertThat(signIn.status()).isEqualTo(401);
    }

    @Test
    void anIdentityMadeUnderARunBelongsToItAndAnEditorIsTheDefault() {
        String run = "identities-" + UUID.randomUUID();

        var made = internal.withHeader("X-FlowHub-Run", run).post("/api/v1/internal/users", "{}");

        assertThat(made.status()).as(made.text()).isEqualTo(201);
        assertThat(made.data().get("role").asString()).isEqualTo("EDITOR");
        assertThat(made.data().get("run_id").asString()).isEqualTo(run);
        assertThat(stack.database().getCollection("users")
                .find(eq("_id", new ObjectId(made.data().get("_id").asString()))).first().getString("run_id"))
                .isEqualTo(run);
    }

    @Test
    void badInputIsA4xxThatSaysWhatToFix() {
        String email = "chosen-" + UUID.randomUUID() + "@example.com";
        var role = internal.post("/api/v1/internal/users", "{\"role\":\"OWNER\"}");
        var address = internal.post("/api/v1/internal/users", "{\"email\":\"not an address\"}");
        var run = internal.withHeader("X-FlowHub-Run", "has spaces").post("/api/v1/internal/users", "{}");
        var first = internal.post("/api/v1/internal/users", "{\"email\":\"" + email + "\"}");
        var again = internal.post("/api/v1/internal/users", "{\"email\":\"" + email.toUpperCase() + "\"}");
        var anonymous = stack.anonymous().post("/api/v1/internal/users", "{}");

        assertThat(role.status()).isEqualTo(400);
        assertThat(role.json().get("detail").asString()).contains("EDITOR, VIEWER, ADMIN");
        assertThat(address.status()).isEqualTo(400);
        assertThat(address.json().get("detail").asString()).contains("email");
        assertThat(run.status()).isEqualTo(400);
        assertThat(run.json().get("detail").asString()).contains("X-FlowHub-Run");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void productionMakesNoTestIdentities() throws Exception {
        String key = "production-" + UUID.randomUUID();
        try (var production = stack.startGateway("--flowhub.environment=production", "--flowhub.internal-key=" + key,
                "--flowhub.auth.jwt-secret=" + "production-secret-".repeat(3),
                "--flowhub.auth.bootstrap-admin.password=" + UUID.randomUUID())) {
            var refused = GatewayClient.anonymousOn(production.gatewayPort()).withHeader("x-internal-key", key)
                    .post("/api/v1/internal/users", "{\"role\":\"ADMIN\"}");

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("not made in production");
        }
    }
}
