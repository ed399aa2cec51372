package io.flowhub.gateway.item;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test run's id ({@code X-FlowHub-Run}) on the calls that create items: stamped on what they
 * create, and a filter of the item list and count; anything but 1-64 of {@code [A-Za-z0-9._:-]} is
 * a 400 that says so, and nothing is created.
 */
@ExtendWith(FlowHubStackExtension.class)
class RunIdApiIntegrationTests {

    private static final String RUN_HEADER = "X-FlowHub-Run";

    private final TestStack stack;
    private final TestUser editor;
    private final GatewayClient gateway;

    RunIdApiIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.editor = stack.newEditor();
        this.gateway = editor.gateway();
    }

    @Test
    void whatACallCreatesUnderARunCarriesItsIdAndTheListAndCountFilterByIt() {
        String run = "ci-" + UUID.randomUUID() + ":ItemTests";
        var single = gateway.withHeader(RUN_HEADER, run).post("/api/v1/items", anItem().json());
        var batch = gateway.withHeader(RUN_HEADER, run).post("/api/v1/items/batch",
                "{\"items\":[{\"name\":\"A\"},{\"name\":\"B\"}]}");
        var outside = gateway.post("/api/v1/items", anItem().json());

        assertThat(single.status()).isEqualTo(201);
        assertThat(single.data().get("run_id").asString()).isEqualTo(run);
        assertThat(batch.data().get("items").get(1).get("run_id").asString()).isEqualTo(run);
        assertThat(outside.data().has("run_id")).isFalse();
        assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).isEqualTo(3);
        var listed = gateway.get("/api/v1/items?run_id=" + run).data().get("items");
        assertThat(listed).hasSize(3).allSatisfy(item -> assertThat(item.get("run_id").asString()).isEqualTo(run));
        assertThat(gateway.get("/api/v1/items/count?run_id=" + run).data().get("count").asLong()).isEqualTo(3);
        assertThat(gateway.get("/api/v1/items/count?run_id=other-" + run.substring(3)).data().get("count").asLong())
                .isZero();
    }

    @Test
    void anotherUsersRunStaysHiddenFromAnEditorWhoFiltersByIt() {
        String run = "ci-" + UUID.randomUUID();
        stack.newEditor().gateway().withHeader(RUN_HEADER, run).post("/api/v1/items", anItem().json());

        assertThat(gateway.get("/api/v1/items/count?run_id=" + run).data().get("count").asLong()).isZero();
        assertThat(stack.admin().gateway().get("/api/v1/items/count?run_id=" + run).data().get("count").asLong())
                .isEqualTo(1);
    }

    @Test
    void aMalformedRunIdIsA400ThatNamesTheHeaderAndCreatesNothing() {
        long before = stack.database().getCollection("items").countDocuments(
                eq("created_by", new ObjectId(editor.id())));

        var spaced = gateway.withHeader(RUN_HEADER, "has space").post("/api/v1/items", anItem().json());
        var tooLong = gateway.withHeader(RUN_HEADER, "r".repeat(65)).post("/api/v1/items/batch",
                "{\"items\":[{\"name\":\"A\"}]}");
        var slash = gateway.withHeader(RUN_HEADER, "a/b").post("/api/v1/items", anItem().json());
        var filter = gateway.get("/api/v1/items?run_id=a%2Fb");

        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.header("Content-Type")).startsWith("application/problem+json");
        assertThat(spaced.json().get("detail").asString()).contains(RUN_HEADER).contains("1 to 64 characters");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(slash.status()).isEqualTo(400);
        assertThat(filter.status()).isEqualTo(400);
        assertThat(stack.database().getCollection("items").countDocuments(
                eq("created_by", new ObjectId(editor.id())))).isEqualTo(before);
    }

    @Test
    void theLongestRunIdWithEveryAllowedCharacterIsAccepted() {
        String run = ("Az09._:-" + UUID.randomUUID().toString().replace("-", "")).repeat(3).substring(0, 64);

        var created = gateway.withHeader(RUN_HEADER, run).post("/api/v1/items", anItem().json());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.data().get("run_id").asString()).isEqualTo(run);
    }
}
