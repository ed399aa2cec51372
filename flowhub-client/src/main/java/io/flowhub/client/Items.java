package io.flowhub.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The item API, as the signed-in user; items created through a client with a run id carry it. */
public final class Items {

    private final Http http;
    private final String runId;

    Items(Http http, String runId) {
        this.http = http;
        this.runId = runId;
    }

    public Item create(NewItem item) {
        return http.post("/api/v1/items", Map.of(), item, Map.of()).data(Item.class);
    }

    /** Creates up to 1,000 items in one call; {@code tags} and {@code testData} (if not null) apply to all. */
    public List<Item> createAll(List<NewItem> items, List<String> tags, Boolean testData) {
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items);
        body.put("tags", tags == null ? List.of() : tags);
        if (testData != null) {
            body.put("test_data", testData);
        }
        var created = new ArrayList<Item>();
        http.post("/api/v1/items/batch", Map.of(), body, Map.of()).data().path("items")
                .forEach(item -> created.add(Http.JSON.treeToValue(item, Item.class)));
        return created;
    }

    public Item get(String itemId) {
        return http.get("/api/v1/items/" + Http.encode(itemId), Map.of()).data(Item.class);
    }

    /** @return the first page of the items the query selects (of this client's run, unless it names another) */
    public List<Item> list(ItemQuery query, int limit) {
        var parameters = scoped(query);
        parameters.put("limit", limit);
        var items = new ArrayList<Item>();
        http.get("/api/v1/items", parameters).data().path("items")
                .forEach(item -> items.add(Http.JSON.treeToValue(item, Item.class)));
        return items;
    }

    /** @return how many items the query selects (of this client's run, unless it names another) */
    public long count(ItemQuery query) {
        return http.get("/api/v1/items/count", scoped(query)).data().path("count").asLong();
    }

    /** Soft-deletes one item: {@code is_active} false, {@code deleted_at} set. */
    public Item softDelete(String itemId) {
        return http.delete("/api/v1/items/" + Http.encode(itemId), Map.of(), Map.of()).data(Item.class);
    }

    public Item restore(String itemId) {
        return http.patch("/api/v1/items/" + Http.encode(itemId) + "/activate", Map.of()).data(Item.class);
    }

    private Map<String, Object> scoped(ItemQuery query) {
        var parameters = query.parameters();
        if (parameters.get("run_id") == null && runId != null) {
            parameters.put("run_id", runId);
        }
        return parameters;
    }
}
