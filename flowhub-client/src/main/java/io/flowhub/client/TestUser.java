package io.flowhub.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A test identity ({@code POST /internal/users}): a user of the role asked for, signed in by {@link #token()} at once.
 * Made by a client with a run id, it belongs to that run, whose hard cleanup removes it with everything it made.
 */
public record TestUser(@JsonProperty("_id") String id, String email, String name, String role, String runId,
                       String token) {
}
