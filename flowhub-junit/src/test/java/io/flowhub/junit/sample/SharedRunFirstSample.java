package io.flowhub.junit.sample;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.NewItem;
import io.flowhub.junit.FlowHubRun;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One of two classes that share a suite-wide run id, cleaned up once after both. */
@FlowHubRun(scope = FlowHubRun.Scope.SUITE)
class SharedRunFirstSample {

    /** The run ids the suite-scoped samples were given, for the test that runs them to compare. */
    static final Set<String> RUN_IDS = ConcurrentHashMap.newKeySet();

    @Test
    void createsAnItem(FlowHubClient given) {
        RUN_IDS.add(given.runId());
        SampleAccounts.signedIn(given).items().create(NewItem.named("first"));
    }
}
