package io.flowhub.gateway.item;

import io.flowhub.stack.testing.FlowHubStackExtension;
import io.flowhub.stack.testing.GatewayClient;
import io.flowhub.stack.testing.TestStack;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static io.flowhub.stack.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FlowHubStackExtension.class)
class ItemApiIntegrationTests {

    private final GatewayClient gateway;

    ItemApiIntegrationTests(TestStack stack) {
        this.gateway = stack.gateway();
    }

    @Test
    void aCreatedItemIsStoredActiveAndCanBeReadBack() {
        var created = gateway.post("/api/v1/items", anItem().named("Fixture 1").taggedAsTestData().json());

        assertThat(created.status()).isEqualTo(201);
        JsonNode item = created.json().get("data");
        assertThat(created.json().get("status").asString()).isEqualTo("success");
        assertThat(created.header("Location")).isEqualTo("/api/v1/items/" + item.get("_id").asString());
        var read = gateway.get("/api/v1/items/" + item.get("_id").asString()).json().get("data");
        assertThat(read.get("name").asString()).isEqualTo("Fixture 1");
        assertThat(read.get("is_active").asBoolean()).isTrue();
        assertThat(read.get("test_data").asBoolean()).isTrue();
        assertThat(read.get("tags").get(0).asString()).isEqualTo("test-data");
        assertThat(read.get("deleted_at").isNull()).isTrue();
    }

    @Test
    void aMalformedItemIdIsA400ThatSaysWhatAnIdLooksLike() {
        var response = gateway.get("/api/v1/items/not-an-id");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("'not-an-id' is not a valid item id: expected a 24-character hexadecimal ObjectId");
    }

    @Test
    void anUnknownItemIsA404() {
        var response = gateway.get("/api/v1/items/" + new ObjectId().toHexString());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("title").asString()).isEqualTo("Not found");
    }

    @Test
    void aBlankNameIsA400NamingTheField() {
        var response = gateway.post("/api/v1/items", "{\"name\":\"  \"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(response.json().get("detail").asString()).contains("name is required");
    }

    @Test
    void bodiesThatAreNotJsonOrHaveWrongTypesAre400s() {
        var notJson = gateway.post("/api/v1/items", "{\"name\":");
        var wrongType = gateway.post("/api/v1/items", "{\"name\":\"x\",\"tags\":\"one\"}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("detail").asString()).startsWith("The body is not valid JSON");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).startsWith("Field 'tags' has the wrong type");
    }
}
