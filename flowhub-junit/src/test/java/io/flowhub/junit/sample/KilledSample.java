package io.flowhub.junit.sample;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.NewItem;
import io.flowhub.junit.FlowHubRun;
import io.flowhub.junit.FlowHubUsers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test JVM killed mid-run, as a cancelled CI job is ({@link KilledRunMain} runs it in a JVM of its own): its
 * run is left to its two-second lease, which runs out, and the reaper cleans it up.
 */
@FlowHubRun(leaseSeconds = 2)
class KilledSample {

    @Test
    void killedAfterCreatingItsData(FlowHubUsers users) throws Exception {
        FlowHubClient client = users.signedIn("EDITOR");
        client.items().create(NewItem.named("left behind"));
        Files.writeString(Path.of(System.getProperty("flowhub.sample.runs")), client.runId());
        Runtime.getRuntime().halt(137);
    }
}
