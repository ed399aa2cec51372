package io.flowhub.gateway.item;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two EDITORs, a VIEWER and the ADMIN, each on the same items. */
@ExtendWith(FlowHubStackExtension.class)
class ItemRbacIntegrationTests {

    private final TestUser alice;
    private final TestUser bob;
    private final TestUser viewer;
    private final TestUser admin;
    private final String tag = "rbac-" + UUID.randomUUID();
    private final String aliceItem;

    ItemRbacIntegrationTests(TestStack stack) {
        this.alice = stack.newEditor();
        this.bob = stack.newEditor();
        this.viewer = stack.newViewer();
        this.admin = stack.admin();
        this.aliceItem = alice.gateway().post("/api/v1/items", "{\"name\":\"Alice's\",\"tags\":[\"" + tag + "\"]}")
                .data().get("_id").asString();
    }

    @Test
    void anEditorSeesAnotherEditorsItemAsNotFoundEverywhere() {
        var gateway = bob.gateway();

        assertThat(gateway.get("/api/v1/items/" + aliceItem).status()).isEqualTo(404);
        assertThat(gateway.patch("/api/v1/items/" + aliceItem, "{\"name\":\"mine now\"}").status()).isEqualTo(404);
        assertThat(gateway.delete("/api/v1/items/" + aliceItem).status()).isEqualTo(404);
        assertThat(gateway.patch("/api/v1/items/" + aliceItem + "/activate", "").status()).isEqualTo(404);
        assertThat(gateway.upload("/api/v1/items/" + aliceItem + "/file", "a.txt", new byte[] {1}).status()).isEqualTo(404);
        assertThat(ids(bob, "/api/v1/items?tags=" + tag)).isEmpty();
        assertThat(gateway.get("/api/v1/items/count?tags=" + tag).data().get("count").asLong()).isZero();
        assertThat(gateway.get("/api/v1/items/seed-status/" + alice.id()).status()).isEqualTo(404);
        assertThat(alice.gateway().get("/api/v1/items/" + aliceItem).data().get("name").asString()).isEqualTo("Alice's");
    }

    @Test
    void anEditorMayFilterByItsOwnIdButNotByAnothers() {
        assertThat(ids(alice, "/api/v1/items?tags=" + tag + "&created_by=" + alice.id())).containsExactly(aliceItem);
        assertThat(bob.gateway().get("/api/v1/items?created_by=" + alice.id()).status()).isEqualTo(403);
    }

    @Test
    void aViewerReadsEveryonesItemsButEveryWriteIsA403() {
        var gateway = viewer.gateway();

        assertThat(gateway.get("/api/v1/items/" + aliceItem).status()).isEqualTo(200);
        assertThat(ids(viewer, "/api/v1/items?tags=" + tag)).containsExactly(aliceItem);
        assertThat(gateway.post("/api/v1/items", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(gateway.post("/api/v1/items/batch", "{\"items\":[{\"name\":\"x\"}]}").status()).isEqualTo(403);
        assertThat(gateway.patch("/api/v1/items/" + aliceItem, "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(gateway.delete("/api/v1/items/" + aliceItem).status()).isEqualTo(403);
        assertThat(gateway.post("/api/v1/bulk-operations",
                "{\"operation\":\"delete\",\"itemIds\":[\"" + aliceItem + "\"]}").status()).isEqualTo(403);
        var forbidden = gateway.delete("/api/v1/items/" + aliceItem);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(alice.gateway().get("/api/v1/items/" + aliceItem).data().get("is_active").asBoolean()).isTrue();
    }

    @Test
    void theAdminReadsAndChangesAnyonesItems() {
        assertThat(ids(admin, "/api/v1/items?tags=" + tag + "&created_by=" + alice.id())).containsExactly(aliceItem);

        var renamed = admin.gateway().patch("/api/v1/items/" + aliceItem, "{\"description\":\"checked by admin\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.data().get("created_by").asString()).isEqualTo(alice.id());
    }

    private static List<String> ids(TestUser user, String path) {
        var response = user.gateway().get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var ids = new ArrayList<String>();
        response.data().get("items").forEach(item -> ids.add(item.get("_id").asString()));
        return ids;
    }
}
