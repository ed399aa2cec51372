package io.flowhub.cli;

import io.flowhub.client.FlowHubClient;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Where FlowHub is and who calls it: from options, else the environment. Shared by every command. */
final class Connection {

    @Option(names = "--url", defaultValue = "${env:FLOWHUB_URL:-http://localhost:8080}",
            description = "Where the gateway listens (FLOWHUB_URL; default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--key", defaultValue = "${env:FLOWHUB_INTERNAL_KEY}",
            description = "The internal key (FLOWHUB_INTERNAL_KEY); cleanups and receipts need it.")
    String key;

    @Option(names = "--token", defaultValue = "${env:FLOWHUB_TOKEN}",
            description = "A user's bearer token (FLOWHUB_TOKEN), for that user's jobs.")
    String token;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text and progress bars.")
    boolean json;

    @Option(names = "--timeout", defaultValue = "PT30M",
            description = "How long to wait for a job, as an ISO-8601 duration (default ${DEFAULT-VALUE}).")
    Duration timeout;

    FlowHubClient client() {
        return FlowHubClient.builder().url(url).internalKey(blankToNull(key)).bearerToken(blankToNull(token)).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
