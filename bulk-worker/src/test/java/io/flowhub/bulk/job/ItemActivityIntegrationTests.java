package io.flowhub.bulk.job;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An item's history shows its changes through the item API and the job batches (from the ledger) that changed it. */
@ExtendWith(FlowHubStackExtension.class)
class ItemActivityIntegrationTests {

    private final TestUser user;
    private final TestUser stranger;

    ItemActivityIntegrationTests(TestStack stack) {
        this.user = stack.newEditor();
        this.stranger = stack.newEditor();
    }

    @Test
    void anItemsHistoryShowsItsApiChangesAndTheJobsThatChangedIt() {
        String id = anItem().createIn(user.gateway(), 1).getFirst();
        user.gateway().patch("/api/v1/items/" + id, "{\"name\":\"renamed\"}");
        String job = user.gateway().post("/api/v1/bulk-operations",
                "{\"operation\":\"delete\",\"itemIds\":[\"" + id + "\"]}").json().get("job_id").asString();
        await().until(() -> user.gateway().get("/api/v1/jobs/" + job).data().get("status").asString(),
                "completed"::equals);

        var history = user.gateway().get("/api/v1/items/" + id + "/activity");

        assertThat(history.status()).as(history.text()).isEqualTo(200);
        var actions = new ArrayList<String>();
        history.data().forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).hasSize(3).startsWith("delete").containsExactlyInAnyOrder("delete", "update", "create");
        assertThat(history.data().get(0).get("job_id").asString()).isEqualTo(job);
        assertThat(List.of(stranger.gateway().get("/api/v1/items/" + id + "/activity").status())).containsExactly(404);
    }
}
