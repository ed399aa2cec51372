package io.flowhub.testing;

/** A signed-in user of the test stack and a gateway client that acts as that user. */
public record TestUser(String id, String email, String password, String role, String token, GatewayClient gateway) {
}
