package io.flowhub.junit.sample;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.NewItem;
import io.flowhub.junit.FlowHubRun;
import org.junit.jupiter.api.Test;

/** The other class of the suite-wide run. */
@FlowHubRun(scope = FlowHubRun.Scope.SUITE)
class SharedRunSecondSample {

    @Test
    void createsAnItem(FlowHubClient given) {
        SharedRunFirstSample.RUN_IDS.add(given.runId());
        SampleAccounts.signedIn(given).items().create(NewItem.named("second"));
    }
}
