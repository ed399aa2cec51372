package io.flowhub.junit.sample;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.NewItem;
import io.flowhub.junit.FlowHubRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails on purpose: with {@code keepOnFailure}, its data stays for a person to look at. */
@FlowHubRun(keepOnFailure = true)
class KeptOnFailureSample {

    @Test
    void failsAfterCreatingAnItem(FlowHubClient given) {
        SampleAccounts.signedIn(given).items().create(NewItem.named("evidence"));

        assertThat(1).as("a failure on purpose").isEqualTo(2);
    }
}
