package io.flowhub.testing;

import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

/** Makes users through the API as a client would: register, sign in, and (as ADMIN) change roles. */
final class TestUsers {

    static final String ADMIN_EMAIL = "admin@flowhub.local";
    static final String ADMIN_PASSWORD = "flowhub-admin-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayClient anonymous;

    TestUsers(GatewayClient anonymous) {
        this.anonymous = anonymous;
    }

    TestUser admin() {
        return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    TestUser newEditor() {
        String email = "editor-" + UUID.randomUUID() + "@test.flowhub.io";
        String password = "password-" + UUID.randomUUID();
        var registered = anonymous.post("/api/v1/auth/register",
                JSON.writeValueAsString(Map.of("email", email, "password", password, "name", "Test Editor")));
        if (registered.status() != 201) {
            throw new IllegalStateException("Registering a test user answered " + registered.status() + ": " + registered.text());
        }
        return signIn(email, password);
    }

    TestUser newViewer(TestUser admin) {
        TestUser editor = newEditor();
        var changed = admin.gateway().patch("/api/v1/users/" + editor.id() + "/role", "{\"role\":\"VIEWER\"}");
        if (changed.status() != 200) {
            throw new IllegalStateException("Making a viewer answered " + changed.status() + ": " + changed.text());
        }
        return signIn(editor.email(), editor.password());
    }

    TestUser signIn(String email, String password) {
        var session = anonymous.post("/api/v1/auth/login",
                JSON.writeValueAsString(Map.of("email", email, "password", password)));
        if (session.status() != 200) {
            throw new IllegalStateException("Signing in " + email + " answered " + session.status() + ": " + session.text());
        }
        var data = session.data();
        var user = data.get("user");
        String token = data.get("token").asString();
        return new TestUser(user.get("_id").asString(), email, password, user.get("role").asString(), token,
                anonymous.withToken(token));
    }
}
