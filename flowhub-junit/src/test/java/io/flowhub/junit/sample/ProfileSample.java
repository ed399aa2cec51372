package io.flowhub.junit.sample;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.ItemQuery;
import io.flowhub.client.NewItem;
import io.flowhub.junit.FlowHubRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A sample test class that removes its data softly: its items stay, inactive, for the retention purge. */
@FlowHubRun(hardDelete = false)
class ProfileSample {

    @Test
    void aProfileItemIsCreated(FlowHubClient given) {
        FlowHubClient client = SampleAccounts.signedIn(given);

        client.items().create(NewItem.named("avatar").withTags("test-data"));

        assertThat(client.items().count(ItemQuery.ALL_ACTIVE)).isEqualTo(1);
    }
}
