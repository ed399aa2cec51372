package io.flowhub.system;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds through the whole stack: held items survive a tag cleanup's dry run and real run, a user's
 * delete by tag and a single delete, counted as {@code held}; a reset is refused while a hold
 * exists; an undo that would soft-delete them again leaves them too; once released, the same cleanup
 * takes them.
 */
@ExtendWith(FlowHubStackExtension.class)
class HoldsIntegrationTests {

    private final TestStack stack;
    private final GatewayClient internal;
    private final List<String> holds = new ArrayList<>();

    HoldsIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @AfterEach
    void releaseWhatIsLeft() {
        holds.forEach(hold -> internal.delete("/api/v1/internal/holds/" + hold));
    }

    @Test
    void heldItemsSurviveEveryDeleteAndCountAsHeldUntilTheHoldIsReleased() {
        TestUser user = stack.newEditor();
        String cleanup = "hold-cleanup-" + UUID.randomUUID();
        String legal = "hold-legal-" + UUID.randomUUID();
        String byTag = item(user, cleanup, legal);
        String free = item(user, cleanup);
        String byId = item(user, cleanup);
        holds.add(hold("{\"tags\":[\"" + legal + "\"],\"reason\":\"legal hold on the fixture\"}"));
        holds.add(hold("{\"item_ids\":[\"" + byId + "\"],\"reason\":\"shared fixture\"}"));

        JsonNode dryRun = internal.post("/api/v1/internal/cleanup-test-data?dry_run=true",
                "{\"tags\":[\"" + cleanup + "\"]}").json();
        JsonNode softDeletes = finished(user.gateway().delete("/api/v1/items?tags=" + cleanup), user.gateway());
        var single = user.gateway().delete("/api/v1/items/" + byTag);
        var reset = internal.post("/api/v1/internal/reset", "");
        JsonNode hard = internal.post("/api/v1/internal/cleanup-test-data", "{\"tags\":[\"" + cleanup + "\"]}").json();

        assertThat(dryRun.get("deleted_count").asLong()).isEqualTo(1);
        assertThat(job(dryRun).get("skip_reasons").get("held").asLong()).isEqualTo(2);
        assertThat(softDeletes.get("skip_reasons").get("held").asLong()).isEqualTo(2);
        assertThat(softDeletes.get("processed").asLong()).isEqualTo(1);
        assertThat(single.status()).isEqualTo(409);
        assertThat(single.json().get("detail").asString()).contains("held");
        assertThat(reset.status()).isEqualTo(409);
        assertThat(reset.json().get("detail").asString()).contains("ignore_holds=true");
        assertThat(hard.get("deleted_count").asLong()).isEqualTo(1);
        assertThat(job(hard).get("skip_reasons").get("held").asLong()).isEqualTo(2);
        assertThat(exists(free)).isFalse();
        assertThat(exists(byTag)).isTrue();
        assertThat(exists(byId)).isTrue();
        assertThat(internal.get("/api/v1/internal/holds").data().toString()).contains(holds.getFirst(), holds.getLast());

        holds.forEach(hold -> assertThat(internal.delete("/api/v1/internal/holds/" + hold).status()).isEqualTo(200));
        assertThat(internal.delete("/api/v1/internal/holds/" + holds.getFirst()).status()).isEqualTo(404);
        holds.clear();
        JsonNode afterwards = internal.post("/api/v1/internal/cleanup-test-data", "{\"tags\":[\"" + cleanup + "\"]}")
                .json();

        assertThat(afterwards.get("deleted_count").asLong()).isEqualTo(2);
        assertThat(exists(byTag)).isFalse();
        assertThat(exists(byId)).isFalse();
    }

    @Test
    void anUndoThatDeletesAgainLeavesHeldItemsAndCountsThemHeld() {
        TestUser user = stack.newEditor();
        String held = item(user, "undo-held");
        String free = item(user, "undo-free");
        String ids = "\"itemIds\":[\"" + held + "\",\"" + free + "\"]";
        finished(user.gateway().post("/api/v1/bulk-operations", "{\"operation\":\"delete\"," + ids + "}"), user.gateway());
        JsonNode activate = finished(user.gateway().post("/api/v1/bulk-operations",
                "{\"operation\":\"activate\"," + ids + "}"), user.gateway());
        holds.add(hold("{\"item_ids\":[\"" + held + "\"],\"reason\":\"kept for an investigation\"}"));

        JsonNode undo = finished(user.gateway().post("/api/v1/jobs/" + activate.get("job_id").asString() + "/undo", ""),
                user.gateway());

        assertThat(undo.get("processed").asLong()).isEqualTo(1);
        assertThat(undo.get("skip_reasons").get("held").asLong()).isEqualTo(1);
        assertThat(active(held)).isTrue();
        assertThat(active(free)).isFalse();
    }

    @Test
    void aHoldNamesExactlyOneOfItemsTagsOrAUserWithAReason() {
        String user = new ObjectId().toHexString();

        assertThat(internal.post("/api/v1/internal/holds", "{\"tags\":[\"a\"],\"user_id\":\"" + user
                + "\",\"reason\":\"two\"}").status()).isEqualTo(400);
        assertThat(internal.post("/api/v1/internal/holds", "{\"user_id\":\"" + user + "\"}").status()).isEqualTo(400);
        assertThat(internal.post("/api/v1/internal/holds", "{\"user_id\":\"nope\",\"reason\":\"r\"}").status())
                .isEqualTo(400);
        assertThat(internal.post("/api/v1/internal/holds", "{\"tags\":[],\"reason\":\"r\"}").status()).isEqualTo(400);
        assertThat(internal.delete("/api/v1/internal/holds/nope").status()).isEqualTo(400);
        assertThat(stack.anonymous().post("/api/v1/internal/holds", "{\"user_id\":\"" + user + "\",\"reason\":\"r\"}")
                .status()).isEqualTo(401);
    }

    private String hold(String body) {
        var answer = internal.post("/api/v1/internal/holds", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.data().get("hold_id").asString();
    }

    private static String item(TestUser user, String... tags) {
        String list = String.join("\",\"", tags);
        return user.gateway().post("/api/v1/items", "{\"name\":\"held?\",\"tags\":[\"" + list + "\"]}").data()
                .get("_id").asString();
    }

    private JsonNode job(JsonNode answer) {
        return internal.get("/api/v1/internal/jobs/" + answer.get("job_id").asString()).data();
    }

    private static JsonNode finished(GatewayClient.Response accepted, GatewayClient client) {
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode job = FinishedJobs.awaitEnded(client, accepted.json().get("job_id").asString());
        assertThat(job.get("status").asString()).isEqualTo("completed");
        return job;
    }

    private boolean active(String id) {
        return stack.database().getCollection("items").find(eq("_id", new ObjectId(id))).first().getBoolean("is_active");
    }

    private boolean exists(String id) {
        return stack.database().getCollection("items").countDocuments(eq("_id", new ObjectId(id))) == 1;
    }
}
