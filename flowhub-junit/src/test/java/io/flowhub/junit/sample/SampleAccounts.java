package io.flowhub.junit.sample;

import io.flowhub.client.FlowHubClient;

import java.util.UUID;

/** Each sample class signs in as a user of its own, as a test suite's fixture would. */
final class SampleAccounts {

    private SampleAccounts() {
    }

    /** @return the client, signed in as a newly registered EDITOR; it keeps the run id it was given */
    static FlowHubClient signedIn(FlowHubClient client) {
        String email = "sample-" + UUID.randomUUID() + "@example.com";
        String password = "sample-password-" + UUID.randomUUID();
        client.register(email, password, "Sample Suite");
        return client.withBearerToken(client.signIn(email, password));
    }
}
