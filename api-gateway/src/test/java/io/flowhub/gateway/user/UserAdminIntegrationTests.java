package io.flowhub.gateway.user;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FlowHubStackExtension.class)
class UserAdminIntegrationTests {

    private final TestStack stack;
    private final TestUser admin;

    UserAdminIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.admin = stack.admin();
    }

    @Test
    void theBootstrapAdminExistsOnceAndIsAnAdmin() {
        var me = admin.gateway().get("/api/v1/users/me").data();
        var all = admin.gateway().get("/api/v1/users").data();

        assertThat(me.get("role").asString()).isEqualTo("ADMIN");
        assertThat(all.findValuesAsString("email")).containsOnlyOnce("admin@flowhub.local");
        assertThat(all.toString()).doesNotContain("password");
    }

    @Test
    void anAdminCreatesUsersWithARoleAndChangesRoles() {
        String email = "created-" + UUID.randomUUID() + "@example.com";

        var created = admin.gateway().post("/api/v1/users",
                "{\"email\":\"" + email + "\",\"password\":\"long enough\",\"name\":\"V\",\"role\":\"viewer\"}");
        String id = created.data().get("_id").asString();
        var changed = admin.gateway().patch("/api/v1/users/" + id + "/role", "{\"role\":\"EDITOR\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().get("role").asString()).isEqualTo("VIEWER");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.data().get("role").asString()).isEqualTo("EDITOR");
    }

    @Test
    void roleChangesRefuseBadInput() {
        String someone = stack.newEditor().id();

        assertThat(admin.gateway().patch("/api/v1/users/" + someone + "/role", "{\"role\":\"KING\"}")
                .json().get("detail").asString()).isEqualTo("role 'KING' is not one of ADMIN, EDITOR, VIEWER");
        assertThat(admin.gateway().patch("/api/v1/users/bad-id/role", "{\"role\":\"EDITOR\"}").status()).isEqualTo(400);
        assertThat(admin.gateway().patch("/api/v1/users/" + new ObjectId() + "/role", "{\"role\":\"EDITOR\"}").status())
                .isEqualTo(404);
        assertThat(admin.gateway().post("/api/v1/users", "{\"email\":\"admin@flowhub.local\",\"password\":\"long enough\","
                + "\"name\":\"Again\"}").status()).isEqualTo(409);
    }

    @Test
    void onlyAnAdminAdministersUsers() {
        TestUser editor = stack.newEditor();
        TestUser viewer = stack.newViewer();

        assertThat(editor.gateway().get("/api/v1/users").status()).isEqualTo(403);
        assertThat(viewer.gateway().get("/api/v1/users").status()).isEqualTo(403);
        assertThat(editor.gateway().patch("/api/v1/users/" + editor.id() + "/role", "{\"role\":\"ADMIN\"}").status())
                .isEqualTo(403);
        assertThat(editor.gateway().post("/api/v1/users", "{}").status()).isEqualTo(403);
        assertThat(viewer.gateway().get("/api/v1/users/me").data().get("role").asString()).isEqualTo("VIEWER");
    }
}
