package io.flowhub.system;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purge reaches the copies other owners' jobs keep: an ADMIN's bulk jobs that touched the user's
 * items lose those ids from their ledgers, and a tag change that named only the user's items loses
 * its tag value, a finished job's position no longer names one, and the ADMIN's own activity entries
 * about the items go, and the commands those jobs keep no longer name the user's items, while what
 * they did to another user's item stays recorded.
 */
@ExtendWith(FlowHubStackExtension.class)
class ErasureReachIntegrationTests {

    private final TestStack stack;

    ErasureReachIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aPurgeTakesTheUsersItemsOutOfOtherOwnersLedgersWithTagValuesThatNamedOnlyThem() {
        TestUser user = stack.newEditor();
        TestUser bystander = stack.newEditor();
        GatewayClient admin = stack.admin().gateway();
        String item = item(user);
        String other = item(bystander);
        String shared = "shared-" + UUID.randomUUID();
        String secret = "only-the-user-" + UUID.randomUUID();
        String both = completed(admin, "{\"operation\":\"add_tags\",\"itemIds\":[\"" + item + "\",\"" + other
                + "\"],\"tags\":[\"" + shared + "\"]}");
        String only = completed(admin, "{\"operation\":\"add_tags\",\"itemIds\":[\"" + item + "\"],\"tags\":[\"" + secret
                + "\"]}");

        assertThat(admin.patch("/api/v1/items/" + item, "{\"description\":\"seen by the admin\"}").status()).isEqualTo(200);
        assertThat(stack.database().getCollection("activity_logs").countDocuments(eq("item_id", new ObjectId(item))))
                .isPositive();

        var purged = stack.internal().delete("/api/v1/internal/users/" + user.id() + "/data");

        assertThat(purged.status()).as(purged.text()).isEqualTo(200);
        Document bothEntry = ledgerOf(both);
        assertThat(bothEntry.getList("item_ids", ObjectId.class)).containsExactly(new ObjectId(other));
        assertThat(bothEntry.getList("tag_changes", Document.class)).singleElement().satisfies(change -> {
            assertThat(change.getString("tag")).isEqualTo(shared);
            assertThat(change.getList("item_ids", ObjectId.class)).containsExactly(new ObjectId(other));
        });
        assertThat(bothEntry.getDate("erased_at")).isNotNull();
        Document onlyEntry = ledgerOf(only);
        assertThat(onlyEntry.getList("item_ids", ObjectId.class)).isEmpty();
        assertThat(onlyEntry.getList("tag_changes", Document.class)).isEmpty();
        assertThat(onlyEntry.toJson()).doesNotContain(secret, item);
        assertThat(FinishedJobs.document(stack.database(), new ObjectId(only)).get("resume_after")).isNull();
        assertThat(stack.database().getCollection("activity_logs").countDocuments(eq("item_id", new ObjectId(item))))
                .isZero();
        assertThat(commandOf(both)).doesNotContain(item).contains(other);
        assertThat(commandOf(only)).doesNotContain(item);
        assertThat(admin.get("/api/v1/jobs/" + both).status()).isEqualTo(200);
    }

    private String commandOf(String jobId) {
        return FinishedJobs.document(stack.database(), new ObjectId(jobId)).getString("command");
    }

    private static String item(TestUser user) {
        return user.gateway().post("/api/v1/items", "{\"name\":\"to erase?\"}").data().get("_id").asString();
    }

    private static String completed(GatewayClient client, String body) {
        var accepted = client.post("/api/v1/bulk-operations", body);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().get("job_id").asString();
        assertThat(FinishedJobs.awaitEnded(client, jobId).get("status").asString()).isEqualTo("completed");
        return jobId;
    }

    private Document ledgerOf(String jobId) {
        List<Document> entries = stack.database().getCollection("job_ledger").find(eq("job_id", new ObjectId(jobId)))
                .into(new ArrayList<>());
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }
}
