package io.flowhub.junit;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.TestUser;

/**
 * Test users of a {@link FlowHubRun}, injected like the client: each is a user made under the run (no password,
 * no sign-in, no throttle), removed with everything it made by the run's hard cleanup.
 */
public final class FlowHubUsers {

    private final FlowHubClient internal;
    private final FlowHubClient client;

    FlowHubUsers(FlowHubClient internal, FlowHubClient client) {
        this.internal = internal;
        this.client = client;
    }

    /** @param role {@code EDITOR}, {@code VIEWER} or {@code ADMIN} */
    public TestUser create(String role) {
        return internal.runs().newUser(role);
    }

    /** @return the run's client, signed in as a new user of this role */
    public FlowHubClient signedIn(String role) {
        return client.withBearerToken(create(role).token());
    }
}
