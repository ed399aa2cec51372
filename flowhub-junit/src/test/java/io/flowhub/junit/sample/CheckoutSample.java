package io.flowhub.junit.sample;

import io.flowhub.client.FlowHubClient;
import io.flowhub.client.Item;
import io.flowhub.client.ItemQuery;
import io.flowhub.client.NewItem;
import io.flowhub.junit.FlowHubRun;
import io.flowhub.junit.FlowHubUsers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample test class: {@code @FlowHubRun} gives it a run id and a client that carries it; after the
 * class, exactly what it created is removed, the test user it signs in as (a test identity of the run) with
 * it. It runs in parallel with the other samples, all tagging
 * their items {@code test-data} alike, and none touches another's items.
 */
@FlowHubRun
class CheckoutSample {

    private final FlowHubClient client;

    CheckoutSample(FlowHubUsers users) {
        this.client = users.signedIn("EDITOR");
    }

    @Test
    void aCartOfThreeItemsIsCreatedUnderTheRun() {
        List<Item> cart = client.items().createAll(List.of(NewItem.named("apple"), NewItem.named("pear"),
                NewItem.named("plum")), List.of("test-data", "cart"), true);

        assertThat(cart).allSatisfy(item -> assertThat(item.runId()).isEqualTo(client.runId()));
        assertThat(client.items().count(ItemQuery.tagged("cart"))).isEqualTo(3);
    }

    @Test
    void anEmptiedCartIsSoftDeleted() {
        Item item = client.items().create(NewItem.named("returned").withTags("test-data"));

        assertThat(client.items().softDelete(item.id()).active()).isFalse();
    }
}
