package io.flowhub.gateway.item;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FlowHubStackExtension.class)
class ItemApiIntegrationTests {

    private final TestStack stack;
    private final TestUser editor;
    private final GatewayClient gateway;

    ItemApiIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.editor = stack.newEditor();
        this.gateway = editor.gateway();
    }

    @Test
    void aCreatedItemIsStoredActiveOwnedByItsCreatorAndLogged() {
        var created = gateway.post("/api/v1/items", anItem().named("Fixture 1").taggedAsTestData().json());

        assertThat(created.status()).isEqualTo(201);
        JsonNode item = created.data();
        String id = item.get("_id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/items/" + id);
        var read = gateway.get("/api/v1/items/" + id).data();
        assertThat(read.get("name").asString()).isEqualTo("Fixture 1");
        assertThat(read.get("is_active").asBoolean()).isTrue();
        assertThat(read.get("test_data").asBoolean()).isTrue();
        assertThat(read.get("created_by").asString()).isEqualTo(editor.id());
        assertThat(read.get("deleted_at").isNull()).isTrue();
        assertThat(activity(id)).extracting(entry -> entry.getString("action")).containsExactly("create");
    }

    @Test
    void aBatchAppliesItsTagsAndTestDataFlagToEveryItemInOneCall() {
        var response = gateway.post("/api/v1/items/batch", """
                {"items":[{"name":"A","tags":["own"]},{"name":"B","test_data":false}],
                 "tags":["test-data","run-42"],"test_data":true}""");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().get("count").asInt()).isEqualTo(2);
        JsonNode first = response.data().get("items").get(0);
        JsonNode second = response.data().get("items").get(1);
        assertThat(tags(first)).containsExactly("own", "test-data", "run-42");
        assertThat(tags(second)).containsExactly("test-data", "run-42");
        assertThat(first.get("test_data").asBoolean()).isTrue();
        assertThat(second.get("test_data").asBoolean()).isTrue();
    }

    @Test
    void aBatchOfMoreThanOneThousandItemsIsA413() {
        String oneItem = "{\"name\":\"x\"}";
        String items = String.join(",", Collections.nCopies(1_001, oneItem));

        var response = gateway.post("/api/v1/items/batch", "{\"items\":[" + items + "]}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("at most 1000 items");
    }

    @Test
    void listingFiltersByStatusTagsTestDataAndTextAndHidesDeletedItemsByDefault() {
        String run = "run-" + UUID.randomUUID();
        String kept = create("{\"name\":\"Kept widget\",\"tags\":[\"" + run + "\"],\"test_data\":true}");
        String deleted = create("{\"name\":\"Deleted widget\",\"tags\":[\"" + run + "\"],\"test_data\":true}");
        String real = create("{\"name\":\"Real gadget\",\"tags\":[\"" + run + "\"]}");
        gateway.delete("/api/v1/items/" + deleted);

        assertThat(ids("/api/v1/items?tags=" + run)).containsExactlyInAnyOrder(kept, real);
        assertThat(ids("/api/v1/items?tags=" + run + "&status=inactive")).containsExactly(deleted);
        assertThat(ids("/api/v1/items?tags=" + run + "&status=all")).containsExactlyInAnyOrder(kept, deleted, real);
        assertThat(ids("/api/v1/items?tags=" + run + "&test_data=false")).containsExactly(real);
        assertThat(ids("/api/v1/items?tags=" + run + "&q=WIDGET")).containsExactly(kept);
        assertThat(gateway.get("/api/v1/items/count?tags=" + run + "&status=all").data().get("count").asLong())
                .isEqualTo(3);
    }

    @Test
    void cursorPaginationWalksEveryItemOnceNewestFirst() {
        String run = "page-" + UUID.randomUUID();
        var created = new ArrayList<String>();
        for (int i = 0; i < 7; i++) {
            created.add(create("{\"name\":\"P" + i + "\",\"tags\":[\"" + run + "\"]}"));
        }

        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = gateway.get("/api/v1/items?tags=" + run + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).data();
            page.get("items").forEach(item -> seen.add(item.get("_id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(created.reversed());
    }

    @Test
    void badListParametersAre400s() {
        assertThat(gateway.get("/api/v1/items?status=gone").status()).isEqualTo(400);
        assertThat(gateway.get("/api/v1/items?limit=1001").json().get("detail").asString())
                .isEqualTo("limit must be from 1 to 1000, not 1001");
        assertThat(gateway.get("/api/v1/items?cursor=zzz").status()).isEqualTo(400);
        assertThat(gateway.get("/api/v1/items?test_data=maybe").status()).isEqualTo(400);
    }

    @Test
    void patchChangesNameDescriptionAndTagsOnly() {
        String id = create("{\"name\":\"Before\",\"tags\":[\"a\"]}");

        var changed = gateway.patch("/api/v1/items/" + id, "{\"name\":\"After\",\"description\":\"d\",\"tags\":[\"b\"]}");
        var refused = gateway.patch("/api/v1/items/" + id, "{\"name\":\"Sneaky\",\"is_active\":false,\"created_by\":\"x\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.data().get("name").asString()).isEqualTo("After");
        assertThat(tags(changed.data())).containsExactly("b");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("Only name, description and tags", "is_active");
        var now = gateway.get("/api/v1/items/" + id).data();
        assertThat(now.get("name").asString()).isEqualTo("After");
        assertThat(now.get("is_active").asBoolean()).isTrue();
        assertThat(activity(id)).extracting(entry -> entry.getString("action")).containsExactly("create", "update");
        assertThat(gateway.patch("/api/v1/items/" + id, "{}").status()).isEqualTo(400);
        assertThat(gateway.patch("/api/v1/items/" + id, "{\"name\":\" \"}").status()).isEqualTo(400);
    }

    @Test
    void softDeleteAnswersTheSeedBodyAndRestoreBringsTheItemBack() {
        String id = create("{\"name\":\"Soon gone\"}");

        var deleted = gateway.delete("/api/v1/items/" + id);
        var again = gateway.delete("/api/v1/items/" + id);
        var restored = gateway.patch("/api/v1/items/" + id + "/activate", "");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("status").asString()).isEqualTo("success");
        assertThat(deleted.json().get("message").asString()).isEqualTo("Item deleted successfully");
        assertThat(deleted.data().get("is_active").asBoolean()).isFalse();
        assertThat(deleted.data().get("deleted_at").isNull()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().get("deleted_at").asString()).isEqualTo(deleted.data().get("deleted_at").asString());
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.data().get("is_active").asBoolean()).isTrue();
        assertThat(restored.data().get("deleted_at").isNull()).isTrue();
        assertThat(activity(id)).extracting(entry -> entry.getString("action"))
                .containsExactly("create", "delete", "restore");
    }

    @Test
    void seedStatusCountsAUsersItems() {
        TestUser owner = stack.newEditor();
        owner.gateway().post("/api/v1/items/batch",
                "{\"items\":[{\"name\":\"s1\"},{\"name\":\"s2\"}],\"tags\":[\"seed\",\"v1.0\"],\"test_data\":true}");
        String gone = owner.gateway().post("/api/v1/items", "{\"name\":\"plain\"}").data().get("_id").asString();
        owner.gateway().delete("/api/v1/items/" + gone);

        var status = owner.gateway().get("/api/v1/items/seed-status/" + owner.id()).data();

        assertThat(status.get("seeded").asBoolean()).isTrue();
        assertThat(status.get("total_items").asLong()).isEqualTo(3);
        assertThat(status.get("active_items").asLong()).isEqualTo(2);
        assertThat(status.get("inactive_items").asLong()).isEqualTo(1);
        assertThat(status.get("test_data_items").asLong()).isEqualTo(2);
        assertThat(status.get("seed_items").asLong()).isEqualTo(2);
    }

    @Test
    void malformedOrUnknownIdsAre400And404() {
        var malformed = gateway.get("/api/v1/items/not-an-id");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().get("detail").asString())
                .isEqualTo("'not-an-id' is not a valid item id: expected a 24-character hexadecimal ObjectId");
        assertThat(gateway.get("/api/v1/items/" + new ObjectId()).status()).isEqualTo(404);
        assertThat(gateway.delete("/api/v1/items/" + new ObjectId()).status()).isEqualTo(404);
        assertThat(gateway.patch("/api/v1/items/nope/activate", "").status()).isEqualTo(400);
    }

    @Test
    void invalidBodiesAre400sThatNameTheProblem() {
        var blank = gateway.post("/api/v1/items", "{\"name\":\"  \"}");
        var notJson = gateway.post("/api/v1/items", "{\"name\":");
        var wrongType = gateway.post("/api/v1/items", "{\"name\":\"x\",\"tags\":\"one\"}");
        var tooManyTags = gateway.post("/api/v1/items", "{\"name\":\"x\",\"tags\":" + tagList(21, 3) + "}");
        var longTag = gateway.post("/api/v1/items", "{\"name\":\"x\",\"tags\":" + tagList(1, 51) + "}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(notJson.json().get("detail").asString()).startsWith("The body is not valid JSON");
        assertThat(wrongType.json().get("detail").asString()).startsWith("Field 'tags' has the wrong type");
        assertThat(tooManyTags.status()).isEqualTo(400);
        assertThat(tooManyTags.json().get("detail").asString()).contains("at most 20 tags");
        assertThat(longTag.status()).isEqualTo(400);
        assertThat(longTag.json().get("detail").asString()).contains("at most 50 characters");
    }

    @Test
    void withoutATokenEveryItemCallIsA401() {
        var anonymous = stack.anonymous();

        assertThat(anonymous.get("/api/v1/items").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/items", "{\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(anonymous.withToken("not.a.token").get("/api/v1/items").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/items").header("Content-Type")).startsWith("application/problem+json");
    }

    private String create(String json) {
        var response = gateway.post("/api/v1/items", json);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.data().get("_id").asString();
    }

    private List<String> ids(String path) {
        var response = gateway.get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var ids = new ArrayList<String>();
        response.data().get("items").forEach(item -> ids.add(item.get("_id").asString()));
        return ids;
    }

    private List<Document> activity(String itemId) {
        return stack.database().getCollection("activity_logs").find(eq("item_id", new ObjectId(itemId)))
                .sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static List<String> tags(JsonNode item) {
        var tags = new ArrayList<String>();
        item.get("tags").forEach(tag -> tags.add(tag.asString()));
        return tags;
    }

    private static String tagList(int count, int length) {
        var tags = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            tags.add("\"" + ("t" + i + "x".repeat(length)).substring(0, length) + "\"");
        }
        return "[" + String.join(",", tags) + "]";
    }
}
