package io.flowhub.testing;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test items, built as the JSON a client posts: {@code anItem().taggedAsTestData().json()}. */
public final class ItemBuilder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String name = "Item " + UUID.randomUUID();
    private final List<String> tags = new ArrayList<>();
    private boolean testData;

    private ItemBuilder() {
    }

    public static ItemBuilder anItem() {
        return new ItemBuilder();
    }

    public ItemBuilder named(String name) {
        this.name = name;
        return this;
    }

    public ItemBuilder taggedAsTestData() {
        tags.add("test-data");
        testData = true;
        return this;
    }

    public String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("tags", tags);
        body.put("test_data", testData);
        return JSON.writeValueAsString(body);
    }

    /** Creates {@code count} items like this one through the gateway and returns their ids. */
    public List<String> createIn(GatewayClient gateway, int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var response = gateway.post("/api/v1/items", json());
            if (response.status() != 201) {
                throw new IllegalStateException("Creating a test item answered " + response.status() + ": " + response.text());
            }
            ids.add(response.json().get("data").get("_id").asString());
        }
        return ids;
    }
}
