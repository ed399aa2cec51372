package io.flowhub.junit.sample;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.ItemQuery;
import io.flowhub.client.Job;
import io.flowhub.client.NewItem;
import io.flowhub.junit.FlowHubRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A sample test class that runs a bulk job over its own run's items only. */
@FlowHubRun
class InventorySample {

    @Test
    void stockIsTaggedByOneBulkJobOverTheRun(FlowHubClient given) throws Exception {
        FlowHubClient client = SampleAccounts.signedIn(given);
        for (int i = 0; i < 20; i++) {
            client.items().create(NewItem.named("stock " + i).withTags("test-data"));
        }

        String job = client.jobs().bulkByFilter("add_tags", Map.of("run_id", client.runId()), List.of("counted"));
        Job done = client.jobs().waitFor(job, Duration.ofSeconds(60), progress -> { });

        assertThat(done.processed()).isEqualTo(20);
        assertThat(client.items().count(ItemQuery.tagged("counted"))).isEqualTo(20);
    }
}
