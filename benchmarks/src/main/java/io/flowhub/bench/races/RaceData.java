package io.flowhub.bench.races;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.in;

/**
 * A round's data: a new EDITOR with items under one tag, some of them created under a test run, and a bystander's
 * items under the same tag and another run that no operation of the round may touch.
 */
final class RaceData {

    static final int ITEMS = 24;
    static final int RUN_ITEMS = 8;
    private static final int BYSTANDER_ITEMS = 8;

    final String tag = "race-" + UUID.randomUUID().toString().substring(0, 8);
    final String runId = "race-run-" + UUID.randomUUID().toString().substring(0, 8);
    final String otherRun = "race-other-" + UUID.randomUUID().toString().substring(0, 8);
    String userId;
    String token;
    final List<ObjectId> items = new ArrayList<>();
    final List<ObjectId> runItems = new ArrayList<>();
    final Map<ObjectId, Document> bystanders = new HashMap<>();

    /** Registers the round's user through {@code gateway} and writes the items straight to the database. */
    void seed(RaceStack stack, RaceClient gateway, String bystanderId) {
        String email = tag + "@example.com";
        var registered = gateway.send("seed", "POST", "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"race-password-1\",\"name\":\"" + tag + "\"}", Map.of());
        if (registered.status() != 201) {
            throw new IllegalStateException("Could not register the round's user: " + registered);
        }
        userId = registered.body().path("data").path("_id").asString();
        var session = gateway.send("seed", "POST", "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"race-password-1\"}", Map.of());
        token = session.body().path("data").path("token").asString();
        var documents = new ArrayList<Document>();
        for (int i = 0; i < ITEMS; i++) {
            Document item = item(new ObjectId(userId), List.of(tag, "keep"), i < RUN_ITEMS ? runId : null);
            documents.add(item);
            items.add(item.getObjectId("_id"));
            if (i < RUN_ITEMS) {
                runItems.add(item.getObjectId("_id"));
            }
        }
        var others = new ArrayList<Document>();
        for (int i = 0; i < BYSTANDER_ITEMS; i++) {
            others.add(item(new ObjectId(bystanderId), List.of(tag, "keep"), i % 2 == 0 ? otherRun : null));
        }
        stack.database.getCollection("items").insertMany(documents);
        stack.database.getCollection("items").insertMany(others);
        stack.database.getCollection("items").find(in("_id", others.stream().map(d -> d.getObjectId("_id")).toList()))
                .forEach(item -> bystanders.put(item.getObjectId("_id"), item));
    }

    private static Document item(ObjectId owner, List<String> tags, String run) {
        Date now = new Date();
        var item = new Document("_id", new ObjectId()).append("name", "race item").append("description", null)
                .append("tags", tags).append("test_data", true).append("created_by", owner).append("is_active", true)
                .append("deleted_at", null).append("created_at", now).append("updated_at", now);
        return run == null ? item : item.append("run_id", run);
    }
}
